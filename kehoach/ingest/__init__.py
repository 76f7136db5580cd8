"""Finding input files, detecting their real type, hashing, opening them safely."""
