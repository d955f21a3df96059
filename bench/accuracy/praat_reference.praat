# Reference measurements for the Rapport accuracy benchmark: Praat's view of where speech is
# and how many syllables it holds, to compare Rapport's own analysis against.
#
#   praat --run bench/accuracy/praat_reference.praat /abs/path/file.wav
#
# Prints, one item per line (times in seconds; "undefined" when there is no speech):
#   speech_start <s>
#   speech_end <s>
#   pause <start> <end>        (each silence between the first and last sounding stretch)
#   syllables <n>
#
# Method after de Jong & Wempe (2009), written independently of their published script:
# silence is intensity below (0.99 quantile - 25 dB); a syllable nucleus is a local intensity
# maximum above that threshold, at least 2 dB above the dip since the previous such maximum,
# inside a sounding stretch, and voiced.

form Praat reference
	sentence Wav_path
endform

silence_db = -25
min_pause = 0.30
min_sounding = 0.10
min_dip = 2
intensity_floor = 100

speech_start = undefined
speech_end = undefined
pauses$ = ""
syllables = 0

sound = Read from file: wav_path$
channels = Get number of channels
if channels > 1
	mono = Convert to mono
	removeObject: sound
	sound = mono
endif
duration = Get total duration

# To Intensity refuses sounds shorter than its window (6.4 periods of the floor); no result then.
if duration >= 6.4 / intensity_floor
	intensity = To Intensity: intensity_floor, 0.01, "yes"
	# Parabolic, because To TextGrid (silences) takes its maximum that way: the relative
	# threshold handed to it then lands exactly on q99 - 25 dB.
	max_db = Get maximum: 0, 0, "Parabolic"
	q99 = Get quantile: 0, 0, 0.99
	threshold = q99 + silence_db
	# Under 0 dB (RMS below 2e-5, less than one 16-bit step) the file is digital silence, which
	# To TextGrid (silences) would label as one long sounding interval (flat contour).
	if max_db > 0
		# Note: Praat also drops silences shorter than min_pause at the file's edges, so up to
		# 0.3 s of leading or trailing silence is reported as speech.
		textgrid = To TextGrid (silences): threshold - max_db, min_pause, min_sounding, "silent", "sounding"
		n_intervals = Get number of intervals: 1
		first = 0
		last = 0
		for i to n_intervals
			label$ = Get label of interval: 1, i
			if label$ = "sounding"
				if first = 0
					first = i
				endif
				last = i
			endif
		endfor
		if first > 0
			speech_start = Get start time of interval: 1, first
			speech_end = Get end time of interval: 1, last
			# Intervals alternate, so every interval strictly inside is either sounding or a pause.
			for i from first + 1 to last - 1
				label$ = Get label of interval: 1, i
				if label$ = "silent"
					t1 = Get start time of interval: 1, i
					t2 = Get end time of interval: 1, i
					pauses$ = pauses$ + "pause " + fixed$ (t1, 3) + " " + fixed$ (t2, 3) + newline$
				endif
			endfor

			# "To Pitch (ac)" with every argument (the defaults of plain "To Pitch"), because
			# Praat 6.4 renamed the pitch commands and kept only this one's argument order.
			selectObject: sound
			pitch = To Pitch (ac): 0.02, 75, 15, "no", 0.03, 0.45, 0.01, 0.35, 0.14, 600

			# Peaks are taken on the frame grid (no interpolation) so results do not depend on
			# Praat's peak-interpolation details.  The dip is measured since the previous
			# above-threshold peak (or since the start, for the first one).
			selectObject: intensity
			n_frames = Get number of frames
			dip = Get value in frame: 1
			for i from 2 to n_frames - 1
				selectObject: intensity
				value = Get value in frame: i
				dip = min (dip, value)
				before = Get value in frame: i - 1
				after = Get value in frame: i + 1
				if value > before and value >= after and value > threshold
					if value - dip >= min_dip
						t = Get time from frame number: i
						selectObject: textgrid
						interval = Get interval at time: 1, t
						label$ = Get label of interval: 1, interval
						selectObject: pitch
						f0 = Get value at time: t, "Hertz", "Linear"
						if label$ = "sounding" and f0 <> undefined
							syllables += 1
						endif
					endif
					dip = value
				endif
			endfor
			removeObject: pitch
		endif
		removeObject: textgrid
	endif
	removeObject: intensity
endif
removeObject: sound

if speech_start = undefined
	writeInfoLine: "speech_start undefined"
	appendInfoLine: "speech_end undefined"
else
	writeInfoLine: "speech_start ", fixed$ (speech_start, 3)
	appendInfoLine: "speech_end ", fixed$ (speech_end, 3)
endif
appendInfo: pauses$
appendInfoLine: "syllables ", syllables
