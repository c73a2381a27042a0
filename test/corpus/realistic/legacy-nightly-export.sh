#!/bin/bash
#
# nightly_export.sh - export the billing tables and ship them to the
#                     reporting server
#
# Written 2009 for RHEL 5, still running. Old style on purpose: backquotes,
# expr, test brackets. Do NOT "modernise" it without testing on the old box,
# which has bash 3.2 (no associative arrays, no ${x,,}).
#
# crontab:  30 1 * * 1-6 /opt/billing/bin/nightly_export.sh > /dev/null 2>&1
#
# History:
#   2009-03-02  jk   first version
#   2011-11-20  jk   gzip the exports, keep 10 days
#   2014-06-11  mr   add row-count check against the previous night
#   2019-01-08  mr   scp -> rsync, retry 3 times

PATH=/usr/local/bin:/usr/bin:/bin:/opt/billing/bin
export PATH

BASE=/opt/billing
EXPORT_DIR=$BASE/export
LOG=$BASE/log/nightly_export.`date +%Y%m%d`.log
REMOTE=reports@reporting01:/data/incoming/billing
TABLES="invoices invoice_lines payments customers tariffs"
KEEP_DAYS=10
MAILTO="billing-ops@example.com"
LOCK=/var/tmp/nightly_export.lock

# today's and yesterday's stamps; GNU date on the old box
TODAY=`date +%Y%m%d`
YESTERDAY=`date -d yesterday +%Y%m%d`
HOST=`hostname | cut -d. -f1`

# directory of this script, resolved the old way (nested backquotes need
# the inner ones escaped)
SCRIPT_DIR=`cd \`dirname $0\` && pwd`

function log {
	echo "`date '+%Y-%m-%d %H:%M:%S'` $*" >> $LOG
}

function fail {
	log "ERROR: $*"
	tail -50 $LOG | mail -s "[$HOST] nightly export FAILED: $*" $MAILTO
	rm -f $LOCK
	exit 1
}

# ---------------------------------------------------------------- lock
if [ -f $LOCK ]; then
	OLDPID=`cat $LOCK`
	if kill -0 $OLDPID 2>/dev/null; then
		log "still running as pid $OLDPID, exiting"
		exit 0
	fi
	log "stale lock from pid $OLDPID, removing"
	rm -f $LOCK
fi
echo $$ > $LOCK

log "=== start (pid $$, script in $SCRIPT_DIR) ==="

# ---------------------------------------------------------------- config
if [ -r $BASE/etc/db.conf ]; then
	. $BASE/etc/db.conf
else
	fail "cannot read $BASE/etc/db.conf"
fi
if [ -z "$DB_USER" -o -z "$DB_NAME" ]; then
	fail "DB_USER and DB_NAME must be set in db.conf"
fi

mkdir -p $EXPORT_DIR/$TODAY || fail "cannot create $EXPORT_DIR/$TODAY"

# ---------------------------------------------------------------- export
COUNT=0
ERRORS=0
for T in $TABLES
do
	OUT=$EXPORT_DIR/$TODAY/$T.csv
	log "exporting $T"
	psql -U $DB_USER -d $DB_NAME -A -F ',' -t -c "select * from $T" > $OUT 2>>$LOG
	if [ $? -ne 0 ]; then
		log "export of $T failed"
		ERRORS=`expr $ERRORS + 1`
		continue
	fi
	ROWS=`wc -l < $OUT | tr -d ' '`
	log "$T: $ROWS rows"

	# compare with yesterday: more than 20% fewer rows is suspicious
	PREV=$EXPORT_DIR/$YESTERDAY/$T.rows
	if [ -f $PREV ]; then
		PREV_ROWS=`cat $PREV`
		if [ $PREV_ROWS -gt 0 ]; then
			PCT=$[ ROWS * 100 / PREV_ROWS ]
			if [ $PCT -lt 80 ]; then
				log "WARNING: $T has $ROWS rows, yesterday $PREV_ROWS ($PCT%)"
				echo "$T: $ROWS rows today vs $PREV_ROWS yesterday" | \
					mail -s "[$HOST] billing export: $T shrank to $PCT%" $MAILTO
			fi
		fi
	fi
	echo $ROWS > $EXPORT_DIR/$TODAY/$T.rows

	gzip -f $OUT || fail "gzip $OUT"
	COUNT=`expr $COUNT + 1`
done

if [ $ERRORS -gt 0 ]; then
	fail "$ERRORS table(s) failed to export"
fi

# a manifest with checksums, so the other side can verify
cd $EXPORT_DIR/$TODAY || fail "cd $EXPORT_DIR/$TODAY"
md5sum *.csv.gz > MANIFEST.md5
echo "host=$HOST date=$TODAY tables=$COUNT generated=`date +%s`" >> MANIFEST.md5
cd - > /dev/null

# ---------------------------------------------------------------- ship
TRIES=0
SHIPPED=no
while [ $TRIES -lt 3 ]
do
	TRIES=`expr $TRIES + 1`
	log "rsync attempt $TRIES"
	rsync -az --timeout=300 $EXPORT_DIR/$TODAY/ $REMOTE/$TODAY/ >> $LOG 2>&1
	if [ $? -eq 0 ]; then
		SHIPPED=yes
		break
	fi
	sleep `expr $TRIES \* 60`
done
if [ "$SHIPPED" != "yes" ]; then
	fail "rsync to $REMOTE failed $TRIES times"
fi

# tell the reporting side that the day is complete
ssh reports@reporting01 "touch /data/incoming/billing/$TODAY/.complete" >> $LOG 2>&1 || \
	log "WARNING: could not create .complete marker"

# ---------------------------------------------------------------- cleanup
log "removing exports older than $KEEP_DAYS days"
for D in `ls -d $EXPORT_DIR/2* 2>/dev/null`
do
	NAME=`basename $D`
	# age in days, computed from the directory name
	AGE=$(( ( `date +%s` - `date -d $NAME +%s` ) / 86400 ))
	if [ $AGE -gt $KEEP_DAYS ]; then
		log "  rm $NAME ($AGE days)"
		rm -rf $D
	fi
done
find $BASE/log -name 'nightly_export.*.log' -mtime +60 -exec rm -f {} \;

# the status file the monitoring reads: read/write open keeps the inode
STATUS=$BASE/run/export.status
exec 7<>$STATUS
echo "ok $TODAY `date +%H:%M` $COUNT" >&7
exec 7>&-

log "=== done: $COUNT tables shipped ==="
rm -f $LOCK
exit 0
