package blocks

// CallbackModal is the callback_id of the answer modal: its view_submission
// carries the next question.
const CallbackModal = "engagiert_answer"
