"""The web UI and HTTP API: `sitrep serve`."""
