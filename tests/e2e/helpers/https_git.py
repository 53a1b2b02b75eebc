#!/usr/bin/env python3
"""A git smart-HTTP server over TLS on 127.0.0.1, for testing algedit sync
against https remotes: which certificates it trusts, and where it finds them.
It runs `git http-backend` as a CGI program for every request, so clones,
fetches and pushes behave as on a real git server; every client counts as the
user "tester", so pushes are accepted.

    https_git.py PROJECT_ROOT CERT.pem KEY.pem [LIFETIME]

serves the repositories under PROJECT_ROOT with the certificate (chain) in
CERT.pem and its key in KEY.pem, prints its port on its first line, and stops
by itself after LIFETIME seconds (default 60). A client that refuses the
certificate just ends the handshake; the server goes on serving others."""
import http.server, os, ssl, subprocess, sys, threading, urllib.parse

root, cert, key = os.path.abspath(sys.argv[1]), sys.argv[2], sys.argv[3]
life = float(sys.argv[4]) if len(sys.argv) > 4 else 60.0
backend = os.path.join(subprocess.run(['git', '--exec-path'], capture_output=True, text=True,
                                      check=True).stdout.strip(), 'git-http-backend')


class Git(http.server.BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    timeout = 20

    def handle(self):
        # The handshake happens here, in this request's thread, so that a
        # client which rejects the certificate (or never speaks) cannot hold
        # up the others.
        try:
            self.request.do_handshake()
        except (ssl.SSLError, OSError):
            self.close_connection = True
            return
        super().handle()

    def body(self):
        if 'chunked' in self.headers.get('Transfer-Encoding', '').lower():
            data = b''
            while True:
                size = int(self.rfile.readline().split(b';')[0].strip() or b'0', 16)
                if size == 0:
                    while self.rfile.readline() not in (b'\r\n', b'\n', b''):
                        pass  # trailers
                    return data
                data += self.rfile.read(size)
                self.rfile.readline()
        return self.rfile.read(int(self.headers.get('Content-Length') or 0))

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        data = self.body() if self.command == 'POST' else b''
        env = dict(os.environ)
        env.update({
            'GIT_PROJECT_ROOT': root,
            'GIT_HTTP_EXPORT_ALL': '1',
            'GATEWAY_INTERFACE': 'CGI/1.1',
            'SERVER_PROTOCOL': 'HTTP/1.1',
            'SERVER_SOFTWARE': 'https_git.py',
            'REQUEST_METHOD': self.command,
            'PATH_INFO': urllib.parse.unquote(url.path),
            'QUERY_STRING': url.query,
            'CONTENT_TYPE': self.headers.get('Content-Type', ''),
            'CONTENT_LENGTH': str(len(data)),
            'REMOTE_ADDR': self.client_address[0],
            'REMOTE_USER': 'tester',
        })
        # The request's other headers, as CGI passes them (Git-Protocol,
        # Content-Encoding of a gzipped request, ...); the body is already
        # unchunked.
        for name, value in self.headers.items():
            var = 'HTTP_' + name.upper().replace('-', '_')
            if var not in ('HTTP_CONTENT_TYPE', 'HTTP_CONTENT_LENGTH', 'HTTP_TRANSFER_ENCODING'):
                env[var] = value
        out = subprocess.run([backend], input=data, stdout=subprocess.PIPE, env=env).stdout
        # CGI headers end at the first empty line, "\r\n" or "\n" ended.
        ends = [(at, len(sep)) for sep in (b'\r\n\r\n', b'\n\n') for at in [out.find(sep)] if at >= 0]
        at, n = min(ends) if ends else (len(out), 0)
        head, body = out[:at], out[at + n:]
        status, reason, headers = 200, 'OK', []
        for line in head.decode('latin-1').splitlines():
            name, _, value = line.partition(':')
            if name.strip().lower() == 'status':
                code, _, reason = value.strip().partition(' ')
                status = int(code)
            elif name.strip() and name.strip().lower() != 'content-length':
                headers.append((name.strip(), value.strip()))
        if not head:
            status, reason = 502, 'Bad Gateway'
        self.send_response(status, reason or None)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        if self.command != 'HEAD':
            self.wfile.write(body)

    do_POST = do_HEAD = do_GET

    def log_message(self, *a):
        pass


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a client that hung up halfway is not the server's problem


tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
tls.load_cert_chain(cert, key)
with Server(('127.0.0.1', 0), Git) as srv:
    srv.socket = tls.wrap_socket(srv.socket, server_side=True, do_handshake_on_connect=False)
    print(srv.server_address[1], flush=True)
    stop = threading.Timer(life, srv.shutdown)
    stop.daemon = True
    stop.start()
    srv.serve_forever()
