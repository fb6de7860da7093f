"""The anonymous change-readiness pulse: HR opens it, ASN answer it, leaders see unit aggregates only.

Anonymity contract: nothing outside this package imports `performance.pulse.models` (tests/pulse/test_anonymity.py
checks the imports), so no other code can read an individual answer; everyone else reads `selectors` aggregates.
"""
