"""One thin module per CLI verb."""
