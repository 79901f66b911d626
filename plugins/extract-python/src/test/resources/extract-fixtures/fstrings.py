name = "world"
width = 10
precision = 3
value = 3.14159
items = [1, 2]
greeting = f"hello {name}!"
padded = f"{name:>{width}}"
nested = f"{value:{width}.{precision}}"
debug = f"{name=} {value = :.2f}"
expression = f"{', '.join(str(i) for i in items)}"
conversion = f"{name!r} {name!s:^20}"
multi = f"""{
    name
}"""
mixed = "a" f"{name}" "b" f'{width}'
lambda_in = f"{(lambda q: q * 2)(width)}"
dict_access = f"{ {'k': name}['k'] }"
