import enum


class Color(enum.Enum):
    RED = 1


def handle(command, point):
    match command.split():
        case [action]:
            return action
        case [action, obj]:
            return action, obj
        case ["go", *directions] if directions:
            return directions
        case ["drop", *_]:
            return None
        case {"x": xv, "y": (yv), **rest}:
            return xv, yv, rest
        case {**everything}:
            return everything
        case Color.RED | "red" as colour:
            return colour
        case Point(x=0, y=py) | Point(x=py, y=0):
            return py
        case (1 | 2) as small:
            return small
        case str() as text if text:
            return text
        case [Point(x=px), *others] as whole:
            return px, others, whole
        case None | True | 3.5 | -1 | 1 + 2j:
            return 0
        case _:
            return point


class Point:
    __match_args__ = ("x", "y")
