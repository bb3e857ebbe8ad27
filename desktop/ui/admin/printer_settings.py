"""This workstation's printers, in QSettings under the keys desktop.config reads.

The receipt printer is stored as one address string, the form desktop.printing.sinks understands:
tcp://192.168.1.50:9100, usb://04b8:0e15, serial://COM3?baud=9600, win32://Printer Name.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import parse_qs, urlsplit

from desktop.services.workstation import receipt_column_choices
from desktop.ui.settings import ui_settings

LETTER_KEY = "printing/letter_printer"
RECEIPT_KEY = "printing/receipt_printer"
WIDTH_KEY = "printing/receipt_width_mm"
COLUMNS_KEY = "printing/receipt_columns"
KINDS = ("", "network", "usb", "serial", "windows")
SCHEMES = {"network": "tcp", "usb": "usb", "serial": "serial", "windows": "win32"}


@dataclass(frozen=True)
class ReceiptPrinter:
    kind: str = ""  # "" none | network | usb | serial | windows
    host: str = ""
    port: int = 9100
    usb_vendor: str = ""  # hex, 04b8
    usb_product: str = ""
    serial_device: str = ""
    baudrate: int = 9600
    windows_name: str = ""
    width_mm: int = 80
    columns: int = 0  # characters per line; 0: the width's own (58 mm 32, 80 mm 48)

    def address(self) -> str:
        """The address string for desktop.printing.sinks ('' when no receipt printer is set)."""
        if self.kind == "network":
            return f"tcp://{self.host.strip()}:{self.port}"
        if self.kind == "usb":
            return f"usb://{self.usb_vendor.strip().lower()}:{self.usb_product.strip().lower()}"
        if self.kind == "serial":
            return f"serial://{self.serial_device.strip()}?baud={self.baudrate}"
        if self.kind == "windows":
            return f"win32://{self.windows_name.strip()}"
        return ""


def receipt_from_address(address: str, width_mm: int = 80) -> ReceiptPrinter:
    """Read an address string back into its fields; unknown text gives 'no printer'."""
    parts = urlsplit(address.strip())
    scheme = parts.scheme.lower()
    if scheme == "tcp" and parts.hostname:
        return ReceiptPrinter("network", host=parts.hostname, port=parts.port or 9100, width_mm=width_mm)
    if scheme == "usb":
        vendor, _, product = parts.netloc.partition(":")
        return ReceiptPrinter("usb", usb_vendor=vendor, usb_product=product, width_mm=width_mm)
    if scheme == "serial":
        baud = parse_qs(parts.query).get("baud", ["9600"])[0]
        rate = int(baud) if baud.isascii() and baud.isdigit() else 9600
        return ReceiptPrinter(
            "serial", serial_device=parts.netloc + parts.path, baudrate=rate, width_mm=width_mm
        )
    if scheme == "win32":
        return ReceiptPrinter(
            "windows", windows_name=(parts.netloc + parts.path).strip("/"), width_mm=width_mm
        )
    return ReceiptPrinter(width_mm=width_mm)


@dataclass(frozen=True)
class PrinterSettings:
    letter_printer: str = ""  # "" : the Windows default printer
    receipt: ReceiptPrinter = ReceiptPrinter()


def load_printer_settings() -> PrinterSettings:
    s = ui_settings()
    try:
        width = int(s.value(WIDTH_KEY, 80))
    except (TypeError, ValueError):
        width = 80
    width = width if width in (58, 80) else 80
    try:
        columns = int(s.value(COLUMNS_KEY, 0))
    except (TypeError, ValueError):
        columns = 0
    receipt = receipt_from_address(str(s.value(RECEIPT_KEY, "") or ""), width)
    receipt = replace(receipt, columns=columns if columns in receipt_column_choices(width)[1:] else 0)
    return PrinterSettings(str(s.value(LETTER_KEY, "") or ""), receipt)


def save_printer_settings(settings: PrinterSettings) -> None:
    s = ui_settings()
    for key, value in (
        (LETTER_KEY, settings.letter_printer),
        (RECEIPT_KEY, settings.receipt.address()),
    ):
        if value:
            s.setValue(key, value)
        else:
            s.remove(key)
    s.setValue(WIDTH_KEY, settings.receipt.width_mm)
    if settings.receipt.columns in receipt_column_choices(settings.receipt.width_mm)[1:]:
        s.setValue(COLUMNS_KEY, settings.receipt.columns)
    else:
        s.remove(COLUMNS_KEY)
    s.sync()
