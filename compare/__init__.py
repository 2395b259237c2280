"""scodiff: clause-aware comparison of SCO declarations (package `compare`)."""
