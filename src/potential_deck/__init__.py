"""potential-deck: the Doos vol Potential conversation cards for school teams, in the terminal."""

__version__ = "0.1.0"
