"""Pictures of the lessons: Plotly figures and HTML matrices, the sliding-window animation, the GIF."""
