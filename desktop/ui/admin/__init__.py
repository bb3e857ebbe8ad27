"""The Administrator tab: users and roles, office and letterhead, reference data, signing, backups, audit, workstation."""
