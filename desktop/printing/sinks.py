"""Where receipt bytes go: a thermal printer on the network, USB, a serial port or the Windows spooler.

Every sink sends bytes already rendered (and archived) and raises PrinterUnavailable, with a
message in Indonesian, when the printer is off, unplugged or unreachable, so the UI can offer
"coba lagi". Sinks block on a device: call them from the UI's background helper.

A workstation names its receipt printer with one address string:

    tcp://192.168.1.50:9100      usb://04b8:0e15      serial://COM3?baud=9600
    win32://EPSON TM-T20II Receipt
"""

from __future__ import annotations

import socket
import sys
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import parse_qs, urlsplit

RETRY_HINT = "Periksa printer, lalu pilih Coba lagi. Dokumen sudah tersimpan di arsip."


class PrinterUnavailable(Exception):
    """The printer cannot take the job now (off, unplugged, unreachable); the message is for the user."""

    def __init__(self, message: str, *, retryable: bool = True):
        super().__init__(message)
        self.message = message
        self.retryable = retryable


class ReceiptSink(Protocol):
    """Something that takes a receipt's ESC/POS bytes to paper."""

    def describe(self) -> str: ...

    def send(self, data: bytes) -> None: ...


def _send_through(printer, data: bytes, where: str) -> None:
    """Open the escpos device, write the bytes as they are, close; device errors become PrinterUnavailable."""
    from escpos.exceptions import DeviceNotFoundError

    try:
        printer.open()
    except DeviceNotFoundError as exc:
        raise PrinterUnavailable(f"{where} tidak dapat dihubungi ({_cause(exc)}). {RETRY_HINT}") from exc
    except RuntimeError as exc:  # escpos: the optional driver library is missing
        raise PrinterUnavailable(f"{where}: driver belum terpasang ({exc}).", retryable=False) from exc
    try:
        printer._raw(data)  # the bytes were rendered (and archived) already: send them unchanged
    except OSError as exc:
        raise PrinterUnavailable(
            f"Sambungan ke {where} terputus saat mencetak ({_cause(exc)}). {RETRY_HINT}"
        ) from exc
    finally:
        printer.close()


def _cause(exc: BaseException) -> str:
    """What went wrong, in words a clerk can act on."""
    root: BaseException | None = exc
    while root is not None and not isinstance(root, OSError):
        root = root.__cause__ or root.__context__
    if isinstance(root, ConnectionRefusedError):
        return "koneksi ditolak: printer mati atau port salah"
    if isinstance(root, socket.timeout | TimeoutError):
        return "printer tidak menjawab"
    if isinstance(root, socket.gaierror):
        return "alamat printer tidak dikenal"
    if isinstance(root, ConnectionResetError | BrokenPipeError):
        return "sambungan diputus oleh printer"
    if isinstance(root, OSError):
        return root.strerror or type(root).__name__
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


@dataclass(frozen=True)
class NetworkSink:
    """A printer with an Ethernet or Wi-Fi port (raw TCP, usually port 9100)."""

    host: str
    port: int = 9100
    timeout: float = 5.0

    def describe(self) -> str:
        return f"Printer struk {self.host}:{self.port}"

    def send(self, data: bytes) -> None:
        from escpos.printer import Network

        _send_through(Network(self.host, self.port, timeout=self.timeout), data, self.describe())


@dataclass(frozen=True)
class UsbSink:
    """A printer on USB, by vendor and product id (needs pyusb and, on Windows, a libusb driver)."""

    vendor_id: int
    product_id: int

    def describe(self) -> str:
        return f"Printer struk USB {self.vendor_id:04x}:{self.product_id:04x}"

    def send(self, data: bytes) -> None:
        from escpos.printer import Usb

        if not Usb.is_usable():
            raise PrinterUnavailable(
                f"{self.describe()}: pustaka pyusb belum terpasang di komputer ini.", retryable=False
            )
        _send_through(Usb(self.vendor_id, self.product_id), data, self.describe())


@dataclass(frozen=True)
class SerialSink:
    """A printer on a serial port (COM3, /dev/ttyUSB0; needs pyserial)."""

    device: str
    baudrate: int = 9600
    timeout: float = 3.0

    def describe(self) -> str:
        return f"Printer struk serial {self.device}"

    def send(self, data: bytes) -> None:
        from escpos.printer import Serial

        if not Serial.is_usable():
            raise PrinterUnavailable(
                f"{self.describe()}: pustaka pyserial belum terpasang di komputer ini.", retryable=False
            )
        printer = Serial(self.device, baudrate=self.baudrate, timeout=self.timeout)
        _send_through(printer, data, self.describe())


@dataclass(frozen=True)
class Win32RawSink:
    """A printer installed in Windows, fed raw bytes through the spooler (Windows only)."""

    printer_name: str

    def describe(self) -> str:
        return f"Printer struk Windows '{self.printer_name}'"

    def send(self, data: bytes) -> None:
        if sys.platform != "win32":
            raise PrinterUnavailable("Printer Windows hanya dapat dipakai di Windows.", retryable=False)
        try:  # pragma: no cover - Windows only
            from escpos.printer import Win32Raw
        except ImportError as exc:  # pragma: no cover
            raise PrinterUnavailable("Pustaka pywin32 belum terpasang.", retryable=False) from exc
        if not Win32Raw.is_usable():  # pragma: no cover
            raise PrinterUnavailable("Pustaka pywin32 belum terpasang.", retryable=False)
        _send_through(Win32Raw(self.printer_name), data, self.describe())  # pragma: no cover


def sink_from_address(address: str) -> ReceiptSink:
    """The sink an address names: tcp://host:port, usb://vvvv:pppp, serial://COM3?baud=9600, win32://Name."""
    parts = urlsplit(address.strip())
    scheme = parts.scheme.lower()
    if scheme == "tcp" and parts.hostname:
        return NetworkSink(parts.hostname, parts.port or 9100)
    if scheme == "usb":
        vendor, _, product = parts.netloc.partition(":")
        try:
            return UsbSink(int(vendor, 16), int(product, 16))
        except ValueError:
            pass
    if scheme == "serial" and (parts.netloc or parts.path):
        baud = parse_qs(parts.query).get("baud", ["9600"])[0]
        device = parts.netloc + parts.path
        if baud.isascii() and baud.isdigit():
            return SerialSink(device, int(baud))
    if scheme == "win32" and (parts.netloc or parts.path):
        return Win32RawSink((parts.netloc + parts.path).strip("/"))
    raise ValueError(
        f"Alamat printer struk '{address}' tidak dikenal. Contoh: tcp://192.168.1.50:9100, "
        "usb://04b8:0e15, serial://COM3?baud=9600, win32://Nama Printer."
    )
