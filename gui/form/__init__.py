"""The parts of the incident form (assembled in :mod:`gui.incident_form`)."""
