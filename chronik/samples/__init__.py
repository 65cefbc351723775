"""Original sample articles written for chronik (Apache-2.0); see README.md.

A package only so that the .txt files ship inside the wheel.
"""
