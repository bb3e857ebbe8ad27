"""The login dialog: the office at the left, username and password, and the demo accounts when asked."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.services import workspace
from desktop.services.demo.accounts import DEMO_PASSWORD, DemoLogin
from desktop.services.errors import DomainError
from desktop.services.field import mode as field_mode
from desktop.services.security import auth
from desktop.services.session import Session
from desktop.ui import theme
from desktop.ui.common.background import run_for
from desktop.ui.common.cards import section_label
from desktop.ui.common.operations import message_for

log = logging.getLogger(__name__)

BRAND_WIDTH = 300
FORM_WIDTH = 380
DEMO_WIDTH = 360
USERNAME_ROLE = Qt.ItemDataRole.UserRole
FULL_NAME_ROLE = Qt.ItemDataRole.UserRole + 1
ROLES_ROLE = Qt.ItemDataRole.UserRole + 2


class LoginDialog(QDialog):
    """Asks for a username and password and logs in through the auth service.

    With `prepare` (the demo's database, built on a worker thread while the user reads the window)
    the office comes from `office` instead of the database and Masuk waits until `prepare` is done.
    """

    logged_in = Signal(object)  # the Session
    prepared = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        demo_logins: Sequence[DemoLogin] | None = None,
        *,
        office: workspace.OfficeSummary | None = None,
        prepare: Callable[[], Any] | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Masuk — Dinas Desk"))
        self.setModal(True)
        self._session: Session | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._build_brand_panel(office or workspace.office_summary()))
        layout.addWidget(self._build_form_panel())
        self.demo_list: QListWidget | None = None
        if demo_logins:
            layout.addWidget(self._build_demo_panel(demo_logins))
        field = field_mode.current()
        if field is not None:  # a field laptop: the accounts are the package's team
            self.show_field_mode(field.banner)
        self.setFixedHeight(max(self.sizeHint().height(), 520))
        self.username_edit.setFocus()
        if prepare is not None:
            self._start_preparing(prepare)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None = None,
        demo_logins: Sequence[DemoLogin] | None = None,
        **preparing: Any,
    ) -> Session | None:
        """Show the dialog; the Session of the user who logged in, or None when cancelled.
        `preparing`: the `office` and `prepare` of a database still being built (see the class)."""
        dialog = cls(parent, demo_logins, **preparing)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.session if accepted else None

    def _start_preparing(self, prepare: Callable[[], Any]) -> None:
        self.login_button.setEnabled(False)
        self.login_button.setText(self.tr("Menyiapkan data demo…"))
        run_for(self, prepare, self._prepared, self._prepare_failed)

    def _prepared(self, _result: Any) -> None:
        self.login_button.setEnabled(True)
        self.login_button.setText(self.tr("Masuk"))
        self.prepared.emit()

    def _prepare_failed(self, error: BaseException) -> None:
        log.error("the demo database was not built", exc_info=error)
        self.login_button.setText(self.tr("Data demo tidak tersedia"))
        self._show_error(message_for(error), self.username_edit)

    @property
    def session(self) -> Session | None:
        return self._session

    def error_text(self) -> str:
        return self.error_label.text() if self.error_label.isVisibleTo(self) else ""

    def submit(self) -> None:
        """Log in with what is typed; on failure show why and keep the dialog open."""
        if not self.login_button.isEnabled():  # the demo database is still being built
            return
        username = self.username_edit.text().strip()
        if not username:
            self._show_error(self.tr("Isi nama pengguna."), self.username_edit)
            return
        if not self.password_edit.text():
            self._show_error(self.tr("Isi kata sandi."), self.password_edit)
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            session = auth.login(username, self.password_edit.text())
        except DomainError as exc:
            self._show_error(exc.message, self.password_edit)
            return
        except Exception:
            log.exception("login failed unexpectedly")
            self._show_error(
                self.tr(
                    "Akun tidak dapat diperiksa karena database tidak menjawab. Coba lagi sebentar lagi."
                ),
                self.password_edit,
            )
            return
        finally:
            QApplication.restoreOverrideCursor()
        self._session = session
        self.logged_in.emit(session)
        self.accept()

    def fill_username(self, username: str) -> None:
        self.username_edit.setText(username)
        self.password_edit.clear()
        self.error_label.hide()
        self.password_edit.setFocus()

    def _show_error(self, message: str, focus: QLineEdit) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        if focus is self.password_edit:
            self.password_edit.clear()
        focus.setFocus()

    def _build_brand_panel(self, office: workspace.OfficeSummary) -> QFrame:
        panel = QFrame()
        panel.setObjectName("BrandPanel")
        panel.setFixedWidth(BRAND_WIDTH)
        box = QVBoxLayout(panel)
        box.setContentsMargins(28, 32, 28, 24)
        box.setSpacing(6)
        logo = QLabel()
        logo.setPixmap(theme.app_icon().pixmap(QSize(64, 64), self.devicePixelRatioF()))
        name = QLabel(self.tr("Dinas Desk"))
        name.setFont(theme.scaled_font(self.font(), 1.9, QFont.Weight.DemiBold))
        tagline = QLabel(self.tr("Alur kerja SOP pelayanan kependudukan dan pencatatan sipil"))
        tagline.setWordWrap(True)
        tagline.setProperty("muted", True)
        box.addWidget(logo)
        box.addSpacing(10)
        box.addWidget(name)
        box.addWidget(tagline)
        box.addStretch(1)
        if office.government:
            government = QLabel(office.government)
            government.setWordWrap(True)
            government.setProperty("muted", True)
            government.setFont(theme.scaled_font(self.font(), 0.9, QFont.Weight.DemiBold))
            box.addWidget(government)
        agency = QLabel(office.agency.upper())
        agency.setWordWrap(True)
        agency.setFont(theme.scaled_font(self.font(), 1.05, QFont.Weight.Bold))
        box.addWidget(agency)
        if not office.configured:
            hint = QLabel(self.tr("Data kantor belum diisi. Administrator dapat mengisinya setelah masuk."))
            hint.setWordWrap(True)
            hint.setProperty("muted", True)
            box.addWidget(hint)
        box.addSpacing(18)
        self.version_label = QLabel(self.tr("Versi %1").replace("%1", __version__))
        self.version_label.setProperty("muted", True)
        box.addWidget(self.version_label)
        return panel

    def _build_form_panel(self) -> QFrame:
        panel = QFrame()
        panel.setObjectName("FormPanel")
        panel.setFixedWidth(FORM_WIDTH)
        box = QVBoxLayout(panel)
        box.setContentsMargins(36, 32, 36, 32)
        box.setSpacing(6)
        box.addStretch(1)
        title = QLabel(self.tr("Masuk"))
        title.setProperty("role", "heading")
        title.setFont(theme.scaled_font(self.font(), 1.6, QFont.Weight.DemiBold))
        subtitle = QLabel(self.tr("Gunakan nama pengguna dan kata sandi yang diberikan Administrator."))
        subtitle.setWordWrap(True)
        subtitle.setProperty("role", "muted")
        box.addWidget(title)
        box.addWidget(subtitle)
        box.addSpacing(20)
        self.username_edit = QLineEdit()
        self.username_edit.setObjectName("username")
        self.username_edit.setMaxLength(40)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        for text, edit in (
            (self.tr("Nama pengguna"), self.username_edit),
            (self.tr("Kata sandi"), self.password_edit),
        ):
            label = QLabel(text)
            label.setBuddy(edit)
            box.addWidget(label)
            box.addWidget(edit)
            box.addSpacing(10)
        self.error_label = QLabel()
        self.error_label.setObjectName("ErrorText")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        box.addWidget(self.error_label)
        box.addSpacing(8)
        box.addLayout(self._build_buttons())
        box.addStretch(1)
        return panel

    def _build_buttons(self) -> QVBoxLayout:
        box = QVBoxLayout()
        box.setSpacing(14)
        self.login_button = QPushButton(self.tr("Masuk"))
        self.login_button.setProperty("primary", True)
        self.login_button.setDefault(True)
        self.login_button.setMinimumHeight(38)
        self.login_button.clicked.connect(self.submit)
        help_text = QLabel(self.tr("Lupa kata sandi atau akun terkunci? Hubungi Administrator."))
        help_text.setWordWrap(True)
        help_text.setProperty("role", "muted")
        box.addWidget(self.login_button)
        box.addWidget(help_text)
        self.field_button = QPushButton(self.tr("Buka &paket lapangan…"))
        self.field_button.setObjectName("OpenFieldPackage")
        self.field_button.setAutoDefault(False)
        self.field_button.setToolTip(self.tr("Bekerja di lapangan dengan paket .ddlapangan dari Ketua Tim"))
        self.field_button.clicked.connect(self.open_field_package)
        self.field_label = QLabel()
        self.field_label.setObjectName("FieldModeText")
        self.field_label.setWordWrap(True)
        self.field_label.hide()
        box.addWidget(self.field_button)
        box.addWidget(self.field_label)
        return box

    def open_field_package(self) -> None:
        """Pick a field package and open it: the login then checks the accounts it carries."""
        from desktop.ui.field.open_package_dialog import choose_and_open

        info = choose_and_open(self)
        if info is not None:
            self.show_field_mode(info.banner)

    def show_field_mode(self, banner: str) -> None:
        self.field_label.setText(banner)
        self.field_label.show()
        self.error_label.hide()
        self.username_edit.setFocus()

    def _build_demo_panel(self, demo_logins: Sequence[DemoLogin]) -> QFrame:
        panel = QFrame()
        panel.setObjectName("DemoPanel")
        panel.setFixedWidth(DEMO_WIDTH)
        box = QVBoxLayout(panel)
        box.setContentsMargins(24, 40, 28, 28)
        box.setSpacing(8)
        box.addWidget(section_label(self.tr("Akun demo")))
        hint = QLabel(
            self.tr("Klik sebuah akun untuk mengisi nama pengguna. Kata sandi semua akun demo: %1").replace(
                "%1", f"<b>{DEMO_PASSWORD}</b>"
            )
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "muted")
        hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(hint)
        self.demo_list = QListWidget()
        self.demo_list.setObjectName("DemoLogins")
        self.demo_list.setItemDelegate(DemoLoginDelegate(self.demo_list))
        self.demo_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.demo_list.setMouseTracking(True)
        for login in demo_logins:
            item = QListWidgetItem(login.username)
            item.setData(USERNAME_ROLE, login.username)
            item.setData(FULL_NAME_ROLE, login.full_name)
            item.setData(ROLES_ROLE, login.roles)
            item.setToolTip(f"{login.full_name}\n{login.roles}")
            self.demo_list.addItem(item)
        self.demo_list.itemClicked.connect(lambda item: self.fill_username(item.data(USERNAME_ROLE)))
        box.addWidget(self.demo_list, 1)
        return panel


class DemoLoginDelegate(QStyledItemDelegate):
    """Two lines per demo account: username and name, then the roles in a quieter colour."""

    PADDING = 8

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        height = QFontMetrics(option.font).height() * 2 + self.PADDING * 2 + 2
        return QSize(option.rect.width(), height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = option.rect.adjusted(self.PADDING + 4, self.PADDING, -self.PADDING, -self.PADDING)
        metrics = QFontMetrics(option.font)
        line = QRect(rect.left(), rect.top(), rect.width(), metrics.height())
        painter.save()
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        painter.setFont(bold)
        painter.setPen(option.palette.color(option.palette.ColorRole.Text))
        username = index.data(USERNAME_ROLE)
        painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, username)
        name_left = QFontMetrics(bold).horizontalAdvance(username + "  ")
        painter.setFont(option.font)
        name = metrics.elidedText(
            index.data(FULL_NAME_ROLE), Qt.TextElideMode.ElideRight, line.width() - name_left
        )
        painter.drawText(line.adjusted(name_left, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, name)
        painter.setPen(option.palette.color(option.palette.ColorRole.PlaceholderText))
        roles = metrics.elidedText(index.data(ROLES_ROLE), Qt.TextElideMode.ElideRight, line.width())
        painter.drawText(line.translated(0, metrics.height()), Qt.AlignmentFlag.AlignVCenter, roles)
        painter.restore()
