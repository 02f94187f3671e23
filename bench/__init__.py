"""Benchmarks at national scale: generators and timing scripts that print a table.
They are run by hand, not by the test suite (see bench/README.md)."""
