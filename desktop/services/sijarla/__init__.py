"""The SIJARLA (Sistem Kejar Bola) use cases.

Letters, disposition, assignment, preparation, service records, the report, the recap and its export.
"""
