"""The Inovasi Pelayanan Publik desks: the idea, reviews, meetings, naming, the output log, the timeline."""
