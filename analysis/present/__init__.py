"""What readers see: charts, the notebooks' helpers and the HTML report."""
