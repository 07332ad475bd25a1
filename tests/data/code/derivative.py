"""Basket helpers: totals, discounts and reports."""

import json


def total_price(items):
    """Sum the price of every item in the basket."""
    running = 0
    for item in items:
        running += item["price"] * item["quantity"]
    return running


def apply_discount(amount, rate):
    if rate < 0 or rate > 1:
        raise ValueError("the rate must lie between 0 and 1")
    return amount * (1 - rate)


def load_items(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def format_report(items):
    lines = [f"{item['name']}: {item['price']:.2f}" for item in items]
    return "\n".join(lines)
