"""Demo data of the home app (seeded by `seed_demo` through PORTAL_DEMO_SEEDERS)."""
