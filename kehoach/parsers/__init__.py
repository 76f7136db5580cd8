"""Front-ends that fill the common grid, the header reader and the one table interpreter."""
