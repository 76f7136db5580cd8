"""Writers that read only the validated records: CSV, Parquet, JSON Lines."""

from kehoach.export.writers import FORMATS, write_all

__all__ = ["FORMATS", "write_all"]
