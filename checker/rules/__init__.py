"""Rules: loading rule files (params completed from each engine's schema), selection resolved once,
the rule runner, rule documentation, and the engines that do the judging."""
