"""Staff accounts, their roles (a user may hold several) and SIJARLA teams."""

from __future__ import annotations

from .base import (
    BaseModel,
    BooleanField,
    DateTimeField,
    DigitsField,
    EditableModel,
    ForeignKeyField,
    IntegerField,
    Text,
    now,
)


class Role(BaseModel):
    """An office function; SOP files name the roles that perform each step."""

    code = Text(max_length=40, unique=True)
    name = Text(max_length=120)
    description = Text(max_length=400, default="")


class User(EditableModel):
    """A staff member who logs in. Citizens and the Wali Nagari are not users."""

    username = Text(max_length=40, unique=True)
    full_name = Text(max_length=120)
    nip = DigitsField(18, null=True)
    pangkat_golongan = Text(max_length=80, default="")
    jabatan = Text(max_length=160, default="")
    password_hash = Text(max_length=200)
    is_active = BooleanField(default=True)
    failed_logins = IntegerField(default=0)
    locked_until = DateTimeField(null=True)
    last_login_at = DateTimeField(null=True)
    password_changed_at = DateTimeField(default=now)

    class Meta:
        table_name = "app_user"  # "user" is reserved in PostgreSQL


class UserRole(BaseModel):
    user = ForeignKeyField(User, backref="role_links", on_delete="CASCADE")
    role = ForeignKeyField(Role, backref="user_links", on_delete="RESTRICT")

    class Meta:
        indexes = ((("user", "role"), True),)


class Team(EditableModel):
    """A SIJARLA field team (Tim SIJARLA I, II ...)."""

    name = Text(max_length=80, unique=True)
    is_active = BooleanField(default=True)


class TeamMember(BaseModel):
    team = ForeignKeyField(Team, backref="members", on_delete="CASCADE")
    user = ForeignKeyField(User, backref="team_links", on_delete="RESTRICT")
    is_leader = BooleanField(default=False)

    class Meta:
        indexes = ((("team", "user"), True),)
