#!/usr/bin/env python3
"""A local HTTPS server that answers as the register's submission API does
(../shared/reference/api/README.md): under /aanleverapi/v1_0/organizations/
{org}/algorithms, GET the list ({name, schema_version, last_update_dt, lars,
source_id, published, current_version_released, current_version_published,
last_update_by}) and GET /{lars} (the newest version with lars, create_dt,
language and state). What it holds is ROOT/store.json: {org: {lars:
{"state": "STATE_1"|"STATE_2"|"PUBLISHED", "version": {...}}}}, read at each
request, so a test changes what the register holds by writing that file (as
a colleague in the register's web editor would); POST and PUT (algedit
publish) write it too. ROOT/answers, if present,
holds words (401 403 404 429 500 ok), one used per request, the last one
kept. Each request is logged in ROOT/log as "METHOD PATH auth=ok|bad|none".
The token is $TOKEN. Prints its port; stops after argv[4] seconds (120)."""
import http.server, json, os, ssl, sys, threading

root, cert, key = sys.argv[1], sys.argv[2], sys.argv[3]
life = float(sys.argv[4]) if len(sys.argv) > 4 else 120.0
PREFIX = '/aanleverapi/v1_0/organizations/'


class Register(http.server.BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'

    def log_message(self, *a):
        pass

    def answer(self, status, body, headers=()):
        data = json.dumps(body, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(data)))
        for h in headers:
            self.send_header(*h)
        self.end_headers()
        self.wfile.write(data)

    def next_answer(self):
        p = os.path.join(root, 'answers')
        if not os.path.exists(p):
            return 'ok'
        words = open(p).read().split() or ['ok']
        if len(words) > 1:
            open(p, 'w').write(' '.join(words[1:]))
        return words[0]

    def do_GET(self):
        self.rfile.read(int(self.headers.get('Content-Length') or 0))
        auth = self.headers.get('Authorization')
        state = 'none' if auth is None else 'ok' if auth == 'Bearer ' + os.environ['TOKEN'] else 'bad'
        with open(os.path.join(root, 'log'), 'a') as f:
            f.write('%s %s auth=%s\n' % (self.command, self.path, state))
        if state != 'ok':
            return self.answer(401, {'detail': 'Not authenticated'})
        a = self.next_answer()
        if a == '429':
            return self.answer(429, {'error': 'Rate limit exceeded: 25 per 1 minute'}, [('Retry-After', '1')])
        if a != 'ok':
            codes = {'401': 'Not authenticated', '403': 'Forbidden', '404': 'Not Found', '500': 'Internal Server Error'}
            return self.answer(int(a), {'detail': codes.get(a, 'x')})
        if not self.path.startswith(PREFIX):
            return self.answer(404, {'detail': 'Not Found'})
        parts = self.path[len(PREFIX):].split('/')
        store = json.load(open(os.path.join(root, 'store.json'), encoding='utf-8'))
        org = parts[0]
        if org not in store or len(parts) < 2 or parts[1] != 'algorithms':
            return self.answer(404, {'detail': 'Not Found'})
        algs = store[org]
        if len(parts) == 2:
            return self.answer(200, [{
                'name': a['version'].get('name'), 'schema_version': '1.0', 'last_update_dt': '2026-12-01T10:00:00',
                'lars': lars, 'source_id': a['version'].get('source_id'), 'published': a['state'] == 'PUBLISHED',
                'current_version_released': a['state'] in ('STATE_2', 'PUBLISHED'),
                'current_version_published': a['state'] == 'PUBLISHED', 'last_update_by': 'Collega'}
                for lars, a in algs.items()])
        if len(parts) == 3 and parts[2] in algs:
            a = algs[parts[2]]
            return self.answer(200, dict(a['version'], lars=parts[2], create_dt='2026-12-01T10:00:00',
                                         language='NLD', state=a['state']))
        return self.answer(404, {'detail': 'Not Found'})

    def do_POST(self):
        self.write(True)

    def do_PUT(self):
        self.write(False)

    def write(self, new):
        """POST adds a description (a new lars code, state STATE_1), PUT
        replaces one (NO_CHANGES when nothing differs), as the register does."""
        body = self.rfile.read(int(self.headers.get('Content-Length') or 0))
        auth = self.headers.get('Authorization')
        state = 'none' if auth is None else 'ok' if auth == 'Bearer ' + os.environ['TOKEN'] else 'bad'
        with open(os.path.join(root, 'log'), 'a') as f:
            f.write('%s %s auth=%s\n' % (self.command, self.path, state))
        if state != 'ok':
            return self.answer(401, {'detail': 'Not authenticated'})
        parts = self.path[len(PREFIX):].split('/') if self.path.startswith(PREFIX) else []
        p = os.path.join(root, 'store.json')
        store = json.load(open(p, encoding='utf-8'))
        if len(parts) < 2 or parts[1] != 'algorithms':
            return self.answer(404, {'detail': 'Not Found'})
        algs = store.setdefault(parts[0], {})
        version = json.loads(body)
        if new and len(parts) == 2:
            lars = '2%07d' % (len(algs) + 1)
            algs[lars] = {'state': 'STATE_1', 'version': version}
            json.dump(store, open(p, 'w', encoding='utf-8'), ensure_ascii=False)
            return self.answer(200, {'lars_code': lars})
        if not new and len(parts) == 3 and parts[2] in algs:
            if algs[parts[2]]['version'] == version:
                return self.answer(200, {'message': 'NO_CHANGES'})
            algs[parts[2]] = {'state': 'STATE_1', 'version': version}
            json.dump(store, open(p, 'w', encoding='utf-8'), ensure_ascii=False)
            return self.answer(200, None)
        return self.answer(404, {'detail': 'Not Found'})


srv = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Register)
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(cert, key)
srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
print(srv.server_address[1], flush=True)
threading.Timer(life, srv.shutdown).start()
srv.serve_forever()
