#!/usr/bin/env python3
"""HTTPS in front of the simulator, for the benchmark's TLS scenarios (AWS endpoints speak HTTPS).

Usage: bench_tls_front.py UPSTREAM_PORT CERT_PEM KEY_PEM
Listens on a free loopback port, prints "tls front listening on https://127.0.0.1:PORT", and
forwards each connection's bytes, decrypted, to the upstream port. The TLS work is OpenSSL's (as
a server's would be native), so the front takes little of the cores the collector runs on.
"""
import asyncio
import ssl
import sys


async def pipe(reader, writer):
    try:
        while True:
            data = await reader.read(65536)
            if not data:
                break
            writer.write(data)
            await writer.drain()
    except (ConnectionError, ssl.SSLError, OSError):
        pass
    finally:
        writer.close()


async def serve(upstream_port, context):
    async def connection(client_reader, client_writer):
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", upstream_port)
        except OSError:
            client_writer.close()
            return
        await asyncio.gather(pipe(client_reader, writer), pipe(reader, client_writer))

    server = await asyncio.start_server(connection, "127.0.0.1", 0, ssl=context, backlog=1024)
    port = server.sockets[0].getsockname()[1]
    print(f"tls front listening on https://127.0.0.1:{port}", flush=True)
    async with server:
        await server.serve_forever()


def main():
    upstream_port, cert, key = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    asyncio.run(serve(upstream_port, context))


if __name__ == "__main__":
    main()
