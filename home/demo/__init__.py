"""The Infected Cities demo content, written in English and translated into five languages."""
