"""A local SMTP server that accepts every message and keeps none: the benchmark's mail sink."""
import asyncore
import smtpd
import sys
import warnings

warnings.filterwarnings("ignore", category=DeprecationWarning)


class Sink(smtpd.SMTPServer):
    received = 0

    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        Sink.received += 1
        return None


if __name__ == "__main__":
    Sink(("127.0.0.1", int(sys.argv[1])), None, decode_data=False)
    asyncore.loop()
