"""Language analysis: spaCy components and the stages that turn their output into records."""
