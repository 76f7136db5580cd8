"""kehoach: Vietnamese commune and ward plan documents (Kế hoạch) to validated structured data."""

__version__ = "0.1.0"
