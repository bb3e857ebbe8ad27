"""Who may do what: passwords and logins, database logins, TLS policy, session lock, the audit log."""
