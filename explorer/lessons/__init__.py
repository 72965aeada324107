"""One concept per module, data only: what each lesson computes, with no drawing and no Streamlit."""
