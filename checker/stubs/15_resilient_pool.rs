// PLACEHOLDER: the pristine stub is not written yet.
