"""The project's performance yardstick: `python -m bench` (see bench/runner.py)."""
