"""A building block's progress is the mean of its actions' progress."""

from cms.policy_progress import mean_progress


def test_block_progress_is_the_mean_of_its_actions():
    assert mean_progress([0, 50, 100]) == 50


def test_block_progress_rounds_half_up_to_whole_percentages():
    assert mean_progress([40, 45]) == 43  # 42.5
    assert mean_progress([33, 33, 34]) == 33


def test_every_action_weighs_the_same_whatever_its_status():
    # One action done, one on hold at 20, one planned at 0.
    assert mean_progress([100, 20, 0]) == 40


def test_block_without_actions_has_no_progress_rather_than_zero():
    assert mean_progress([]) is None


def test_accepts_any_iterable():
    assert mean_progress(value for value in (10, 20)) == 15
