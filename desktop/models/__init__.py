"""peewee models. Nothing here imports Qt."""

from .audit import AuditLog
from .base import db
from .cases import (
    AssignmentLetter,
    AssignmentMember,
    Attachment,
    CaseStep,
    Disposition,
    IncomingLetter,
    PreparationCheck,
    RequestedService,
)
from .documents import IssuedDocument
from .field import FieldConflict, FieldPackage, FieldPackageKey
from .innovation import Innovation, InnovationDocument, Meeting, MeetingParticipant, NameOption, OutputLog
from .office import NumberingPattern, NumberSequence, Office, Signer
from .people import Role, Team, TeamMember, User, UserRole
from .records import KK_MASKED, NIK_MASKED, Recap, Report, ServiceRecord
from .reference import (
    Holiday,
    Jorong,
    Kabupaten,
    Kecamatan,
    Nagari,
    ServiceCategory,
    ServiceOutcome,
    TargetGroup,
)
from .sop import Sop, SopCase

# In dependency order: create_tables() and drop_tables() rely on it.
ALL_MODELS = [
    Role,
    User,
    UserRole,
    Team,
    TeamMember,
    Office,
    Signer,
    NumberingPattern,
    NumberSequence,
    Kabupaten,
    Kecamatan,
    Nagari,
    Jorong,
    ServiceCategory,
    TargetGroup,
    ServiceOutcome,
    Holiday,
    Sop,
    SopCase,
    IssuedDocument,
    CaseStep,
    IncomingLetter,
    RequestedService,
    Attachment,
    Disposition,
    AssignmentLetter,
    AssignmentMember,
    PreparationCheck,
    ServiceRecord,
    Report,
    Recap,
    FieldPackage,
    FieldPackageKey,
    FieldConflict,
    Innovation,
    InnovationDocument,
    Meeting,
    MeetingParticipant,
    NameOption,
    OutputLog,
    AuditLog,
]

__all__ = [m.__name__ for m in ALL_MODELS] + ["ALL_MODELS", "KK_MASKED", "NIK_MASKED", "db"]
