"""pydantic v2 records: what kehoach promises to its users, validated before export."""

from kehoach.schemas.models import BodyTarget, Document, Item, Mention, Provenance

__all__ = ["BodyTarget", "Document", "Item", "Mention", "Provenance"]
