#!/usr/bin/env python3
"""Route requests through rlstudio's API and send their feedback, as the original Python service did.

For each request: build a routing context, POST /v1/route, "run" the request on the chosen model (simulated
here), POST /v1/outcome with the immediate reward, then POST /v1/feedback with the evaluated trajectory.
Python 3 standard library only. See docs/api.md for the endpoints.
"""

import argparse
import http.client
import json
import os
import random
import sys
import time
import urllib.parse

COMPLEXITIES = ["simple", "moderate", "complex", "critical"]
TASK_TYPES = ["analysis", "coding", "summarization", "qa"]
# How well each model of rlstudio's default catalogue does in this simulation: the chance a step succeeds,
# and the latency of a call (the catalogue's average_latency_ms). Other models get middling figures.
MODELS = {
    "gpt-4": (0.95, 2000),
    "gpt-3.5-turbo": (0.85, 1000),
    "claude-3-opus": (0.97, 3000),
    "claude-3-sonnet": (0.92, 1500),
}


class ApiError(Exception):
    pass


class Api:
    """One keep-alive connection to the API; every call returns the answer's JSON or raises ApiError."""

    def __init__(self, url, token):
        parts = urllib.parse.urlsplit(url)
        if parts.scheme != "http" or not parts.hostname:
            raise ApiError(f"--url {url!r} is not an http:// URL: expected http://HOST[:PORT]")
        self.url = url
        self.base = parts.path.rstrip("/")
        self.connection = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=30)
        self.headers = {"Content-Type": "application/json"}
        if token:
            self.headers["Authorization"] = "Bearer " + token

    def post(self, path, body):
        try:
            self.connection.request("POST", self.base + path, json.dumps(body), self.headers)
            answer = self.connection.getresponse()
            text = answer.read().decode("utf-8", "replace")
        except (OSError, http.client.HTTPException) as error:
            raise ApiError(f"cannot reach {self.url}: {error}") from None
        if answer.status // 100 != 2:
            raise ApiError(f"POST {self.base + path} answered {answer.status} {answer.reason}: {text}")
        try:
            return json.loads(text)
        except ValueError:
            raise ApiError(f"POST {self.base + path} answered {answer.status} with what is not JSON: {text}") from None


def routing_context(rng):
    """A request as the original's callers described it (RoutingContext)."""
    return {
        "task_type": rng.choice(TASK_TYPES),
        "complexity": rng.choice(COMPLEXITIES),
        "token_estimate": rng.randint(200, 20000),
        "quality_requirement": round(rng.uniform(0.6, 0.95), 2),
        "latency_requirement_ms": rng.choice([1000, 2000, 3000, 5000]),
        "cost_budget_usd": round(rng.uniform(0.05, 1.0), 2),
    }


def run_request(rng, model, context):
    """Simulates the call and its agent trajectory; returns the immediate reward and the feedback's scores."""
    step_success, latency_ms = MODELS.get(model, (0.9, 2000))
    harder = COMPLEXITIES.index(context["complexity"]) * 0.03
    steps = rng.randint(3, 8) + COMPLEXITIES.index(context["complexity"])
    errors = sum(rng.random() > step_success - harder for _ in range(steps))
    recovered = sum(rng.random() < 0.5 for _ in range(errors))
    success = errors - recovered == 0 or rng.random() < 0.3
    accuracy = (0.7 if success else 0.0) + 0.3 * (1 - (errors - recovered) / steps)
    efficiency = min(1.0, 5 / steps)
    error_handling = 1.0 if errors == 0 else recovered / errors
    overall = 0.5 * accuracy + 0.3 * efficiency + 0.2 * error_handling
    # The immediate reward: did the answer come, within the latency the caller asked for?
    on_time = latency_ms <= context["latency_requirement_ms"]
    immediate = (0.7 if success else 0.2) + (0.3 if on_time else 0.0)
    reasoning = f"{steps} steps, {errors} failed, {recovered} recovered; {'on time' if on_time else 'late'}"
    return immediate, {
        "accuracy_score": round(accuracy, 4),
        "efficiency_score": round(efficiency, 4),
        "error_handling_score": round(error_handling, 4),
        "overall_score": round(overall, 4),
        "trajectory_length": steps,
        "success": success,
        "reasoning": reasoning,
    }


def read_token(path):
    try:
        with open(path, encoding="ascii") as file:
            return file.read().strip()
    except (OSError, UnicodeDecodeError) as error:
        raise ApiError(f"cannot read the token file {path}: {error}") from None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000", help="the API (default %(default)s)")
    parser.add_argument("--token-file", default=os.environ.get("RL_API_TOKEN_FILE"),
                        help="the file holding the bearer token (default: RL_API_TOKEN_FILE, else none)")
    parser.add_argument("--requests", type=int, default=10, help="requests to route (default %(default)s)")
    parser.add_argument("--seed", type=int, help="seed of the simulation (default: random)")
    args = parser.parse_args()
    if args.requests < 1:
        parser.error(f"--requests {args.requests}: expected at least 1")

    rng = random.Random(args.seed)
    try:
        api = Api(args.url, read_token(args.token_file) if args.token_file else None)
        for _ in range(args.requests):
            context = routing_context(rng)
            decision = api.post("/v1/route", context)
            trajectory, model = decision["trajectory_id"], decision["model_id"]
            immediate, scores = run_request(rng, model, context)
            api.post("/v1/outcome", {"trajectory_id": trajectory, "immediate_reward": immediate})
            feedback = {"trajectory_id": trajectory, "model_id": model, **scores,
                        "timestamp_ms": int(time.time() * 1000)}
            answer = api.post("/v1/feedback", feedback)
            print(f"{trajectory}: {context['complexity']} {context['task_type']} -> {model} "
                  f"(p={decision['propensity']:.2f}, policy {decision['policy']} {decision['policy_version']}); "
                  f"reward {immediate:.2f}, overall {scores['overall_score']:.2f}, "
                  f"feedback accepted {answer['accepted']}")
    except ApiError as error:
        print(f"route_and_feedback.py: {error}", file=sys.stderr)
        return 1
    print(f"routed {args.requests} requests and sent their outcomes and feedback to {args.url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
