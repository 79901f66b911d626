import logging


def risky(value):
    try:
        return 1 / value
    except ZeroDivisionError as zero:
        logging.error("%s", zero)
    except (TypeError, ValueError) as bad:
        raise RuntimeError("bad") from bad
    except ((KeyError)) as key_error:
        return key_error
    except (IndexError  # a comment
            ) as index_error:
        return index_error
    except Exception:
        raise
    else:
        return None
    finally:
        value = None


def group(values):
    try:
        pass
    except* ValueError as many:
        print(many.exceptions)
    except* (TypeError, KeyError) as other:
        print(other)
