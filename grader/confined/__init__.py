"""What runs beside the learner's code: the worker, its confinement and tripwires, the reply
channel, the fork server and process clean-up. It imports nothing else of the grader."""
