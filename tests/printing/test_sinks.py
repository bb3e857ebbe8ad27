"""Sending receipts to printers: a loopback TCP printer gets the exact bytes; dead printers say why."""

from __future__ import annotations

import socket
import sys
import threading
import time

import pytest

from desktop.printing.receipts import render_receipt
from desktop.printing.sinks import (
    NetworkSink,
    PrinterUnavailable,
    SerialSink,
    UsbSink,
    Win32RawSink,
    sink_from_address,
)

from . import documents_data as D


class LoopbackPrinter:
    """A raw-TCP 'printer' on 127.0.0.1 and a free port that keeps everything it receives."""

    def __init__(self) -> None:
        self.server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(1)
        self.port = self.server.getsockname()[1]
        self.received = bytearray()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        conn, _ = self.server.accept()
        with conn:
            while chunk := conn.recv(65536):
                self.received += chunk

    def wait(self) -> bytes:
        self.thread.join(timeout=10)
        self.server.close()
        return bytes(self.received)


def refused_port() -> int:
    """A port nothing listens on: bound, then released."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize("width", (58, 80))
def test_network_printer_receives_exactly_the_rendered_bytes(width):
    data = render_receipt(D.receipt(), width)
    printer = LoopbackPrinter()
    NetworkSink("127.0.0.1", printer.port).send(data)
    assert printer.wait() == data


def test_refused_connection_is_printer_unavailable_in_indonesian():
    sink = NetworkSink("127.0.0.1", refused_port(), timeout=2)
    with pytest.raises(PrinterUnavailable) as caught:
        sink.send(b"\x1b@x\n")
    message = caught.value.message
    assert f"127.0.0.1:{sink.port}" in message
    assert "tidak dapat dihubungi" in message and "koneksi ditolak" in message
    assert "Coba lagi" in message and "arsip" in message
    assert caught.value.retryable


def test_unknown_printer_host_is_printer_unavailable():
    with pytest.raises(PrinterUnavailable, match="tidak dapat dihubungi"):
        NetworkSink("printer-struk.invalid", 9100, timeout=2).send(b"x")


def test_printer_that_hangs_up_mid_job_is_printer_unavailable():
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(1)

    def hang_up() -> None:
        conn, _ = server.accept()
        time.sleep(0.3)  # let the client's connect() finish: the reset must hit the job, not the dial
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        conn.close()  # linger 0: the peer sees a reset

    thread = threading.Thread(target=hang_up, daemon=True)
    thread.start()
    sink = NetworkSink("127.0.0.1", server.getsockname()[1], timeout=5)
    with pytest.raises(PrinterUnavailable) as caught:
        sink.send(b"\x00" * 32 * 1024 * 1024)  # more than the socket buffers hold: the reset shows
    assert "terputus saat mencetak" in caught.value.message
    assert "diputus oleh printer" in caught.value.message
    thread.join(timeout=5)
    server.close()


def test_usb_and_serial_sinks_without_their_drivers_or_devices_say_so():
    for sink in (UsbSink(0x04B8, 0x0E15), SerialSink("/dev/ttyDOES-NOT-EXIST")):
        with pytest.raises(PrinterUnavailable) as caught:
            sink.send(b"x")
        assert sink.describe() in caught.value.message


@pytest.mark.skipif(sys.platform == "win32", reason="off Windows only")
def test_windows_spooler_sink_is_refused_off_windows():
    with pytest.raises(PrinterUnavailable, match="hanya dapat dipakai di Windows") as caught:
        Win32RawSink("EPSON TM-T20II Receipt").send(b"x")
    assert not caught.value.retryable


@pytest.mark.parametrize(
    "address, expected",
    [
        ("tcp://192.168.1.50:9100", NetworkSink("192.168.1.50", 9100)),
        ("tcp://printer-struk", NetworkSink("printer-struk", 9100)),
        ("usb://04b8:0e15", UsbSink(0x04B8, 0x0E15)),
        ("serial://COM3?baud=19200", SerialSink("COM3", 19200)),
        ("serial:///dev/ttyUSB0", SerialSink("/dev/ttyUSB0", 9600)),
        ("win32://EPSON TM-T20II Receipt", Win32RawSink("EPSON TM-T20II Receipt")),
    ],
)
def test_printer_address_names_its_sink(address, expected):
    assert sink_from_address(address) == expected


@pytest.mark.parametrize("address", ["", "lpt1", "usb://epson", "serial://COM3?baud=cepat"])
def test_unusable_printer_address_is_refused_with_examples(address):
    with pytest.raises(ValueError, match="tcp://"):
        sink_from_address(address)
