"""painmap: shade where it hurts and compare it with stored referral-pain patterns."""

__version__ = "0.1.0"
