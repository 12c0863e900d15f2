"""A local SMTP server that accepts every message at once and keeps none: the benchmark's mail sink.

It greets the instant it accepts a connection, as a local relay does, and answers every command
at once. With a second argument, it appends a line per message to that file: the time it was
taken (seconds since the epoch) and its recipients, for the benchmark to time each confirmation
e-mail from the 202 that caused it. Only the standard library (asyncio), any Python 3.8+.
"""
import asyncio
import sys
import time


async def session(reader, writer, log):
    writer.write(b"220 bench-sink ready\r\n")
    recipients = []
    try:
        while True:
            line = await reader.readline()
            if not line:
                return
            command = line[:4].upper()
            if command in (b"EHLO", b"HELO"):
                writer.write(b"250-bench-sink\r\n250-PIPELINING\r\n250 8BITMIME\r\n")
            elif command == b"RCPT":
                recipients.append(line[8:].strip().strip(b"<>").decode(errors="replace"))
                writer.write(b"250 ok\r\n")
            elif command == b"DATA":
                writer.write(b"354 go on\r\n")
                await writer.drain()
                while True:
                    data = await reader.readline()
                    if not data or data in (b".\r\n", b".\n"):
                        break
                if log:
                    log.write(f"{time.time():.6f} {' '.join(recipients)}\n")
                    log.flush()
                recipients = []
                writer.write(b"250 taken\r\n")
            elif command == b"RSET":
                recipients = []
                writer.write(b"250 ok\r\n")
            elif command == b"QUIT":
                writer.write(b"221 bye\r\n")
                await writer.drain()
                return
            else:
                writer.write(b"250 ok\r\n")
            await writer.drain()
    except ConnectionError:
        pass
    finally:
        writer.close()


async def main(port, path):
    log = open(path, "a") if path else None
    server = await asyncio.start_server(lambda r, w: session(r, w, log), "127.0.0.1", port)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else None))
