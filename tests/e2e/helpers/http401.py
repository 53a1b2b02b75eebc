#!/usr/bin/env python3
"""A git server on 127.0.0.1 that refuses every request with 401 (Basic), for
testing how algedit sync reports an authentication failure. Prints its port,
and appends each Authorization header it receives to the file named by argv[1].
Stops by itself after argv[2] seconds (default 60)."""
import http.server, socketserver, sys, threading

log = sys.argv[1]
life = float(sys.argv[2]) if len(sys.argv) > 2 else 60.0

class Refuse(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        auth = self.headers.get('Authorization')
        if auth:
            with open(log, 'a') as f:
                f.write(auth + '\n')
        self.send_response(401)
        self.send_header('WWW-Authenticate', 'Basic realm="team"')
        self.send_header('Content-Length', '0')
        self.end_headers()
    do_POST = do_GET
    def log_message(self, *a):
        pass

with socketserver.TCPServer(('127.0.0.1', 0), Refuse) as srv:
    print(srv.server_address[1], flush=True)
    threading.Timer(life, srv.shutdown).start()
    srv.serve_forever()
