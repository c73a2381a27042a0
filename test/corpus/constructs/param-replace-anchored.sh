echo ${name/#pre/new} ${name/%suf/new}
echo ${name/#pre} ${name/%suf}
echo ${name/#} ${name/%} ${name/#/x} ${name/%/x}
echo ${name/#"#"/x} ${name/%"%"/x} ${name/#\#/x} ${name/%\%/x}
echo ${name/##/x} ${name/%%/x}
echo ${name/#*\//} ${name/%.*/}
echo ${name/#$p/$r} ${name/%${s}/${r}}
echo "${name/#a/b}" "${name/%a/b}"
echo ${arr[@]/#/prefix-} ${arr[@]/%/-suffix} ${@/#/-I}
echo ${name//#/x} ${name//%/x}
echo ${name/#[[:space:]]/}
