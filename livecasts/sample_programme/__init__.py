"""A large generated programme for benchmarks and manual testing: generate_programme."""
