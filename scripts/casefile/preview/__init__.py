"""Stage 5, preview: serve a built site on 127.0.0.1 like a static host, and rebuild on change."""
