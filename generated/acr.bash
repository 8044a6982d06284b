# bash completion for acr(1). Generated from schema/cloud_recording.json by acrgen
# (templates/acr.bash.j2); do not edit. Installed as
# share/bash-completion/completions/acr; or: source acr.bash

# COMPREPLY from the arguments that start with $cur.
_acr_words()
{
    local word
    COMPREPLY=()
    for word in "$@"; do
        [[ $word == "$cur"* ]] && COMPREPLY+=("$word")
    done
}

_acr_files()
{
    compopt -o filenames 2>/dev/null
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
}

_acr()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev=""
    local -a words=("${COMP_WORDS[@]:0:COMP_CWORD}")
    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
    # --option=value: bash splits it at "=" (COMP_WORDBREAKS).
    if [[ $cur == "=" ]]; then
        cur=""
    elif [[ $prev == "=" ]] && ((COMP_CWORD >= 2)); then
        prev=${COMP_WORDS[COMP_CWORD - 2]}
    fi
    if ((COMP_CWORD == 1)); then
        _acr_words validate update stop acquire start query update-layout ncs-ip --help --version
        return
    fi
    case ${COMP_WORDS[1]} in
    validate)
        # The operation: the first word after validate that is not an option or its value.
        local i op=""
        for ((i = 2; i < COMP_CWORD; i++)); do
            case ${words[i]} in
            --mode | --format | --max-violations) ((i++)) ;;
            -*) ;;
            *) op=${words[i]}; break ;;
            esac
        done
        case $prev in
        --mode)
            case $op in
            update) _acr_words individual mix web ;;
            stop) _acr_words individual mix web ;;
            start) _acr_words individual mix web ;;
            update-layout) _acr_words mix ;;
            *) _acr_words individual mix web ;;
            esac
            return ;;
        --format) _acr_words text json; return ;;
        --max-violations) COMPREPLY=(); return ;;
        esac
        if [[ $cur == -* ]]; then
            _acr_words --mode --format --max-violations --help
        elif [[ -z $op ]]; then
            _acr_words update stop acquire start update-layout
        else
            _acr_files
        fi
        ;;
    update)
        case $prev in
        --mode) _acr_words individual mix web; return ;;
        --appid | --resource-id | --sid | --base-url | --timeout | --retries) COMPREPLY=(); return ;;
        esac
        if [[ $cur == -* ]]; then
            _acr_words --appid --resource-id --sid --mode --base-url --timeout --retries --verbose --help
        else
            _acr_files
        fi
        ;;
    stop)
        case $prev in
        --mode) _acr_words individual mix web; return ;;
        --appid | --resource-id | --sid | --base-url | --timeout | --retries) COMPREPLY=(); return ;;
        esac
        if [[ $cur == -* ]]; then
            _acr_words --appid --resource-id --sid --mode --base-url --timeout --retries --verbose --help
        else
            _acr_files
        fi
        ;;
    acquire)
        case $prev in
        --appid | --base-url | --timeout | --retries) COMPREPLY=(); return ;;
        esac
        if [[ $cur == -* ]]; then
            _acr_words --appid --base-url --timeout --retries --verbose --help
        else
            _acr_files
        fi
        ;;
    start)
        case $prev in
        --mode) _acr_words individual mix web; return ;;
        --appid | --resource-id | --base-url | --timeout | --retries) COMPREPLY=(); return ;;
        esac
        if [[ $cur == -* ]]; then
            _acr_words --appid --resource-id --mode --base-url --timeout --retries --verbose --help
        else
            _acr_files
        fi
        ;;
    query)
        case $prev in
        --mode) _acr_words individual mix web; return ;;
        --appid | --resource-id | --sid | --base-url | --timeout | --retries) COMPREPLY=(); return ;;
        esac
        if [[ $cur == -* ]]; then
            _acr_words --appid --resource-id --sid --mode --base-url --timeout --retries --verbose --help
        fi
        ;;
    update-layout)
        case $prev in
        --mode) _acr_words mix; return ;;
        --appid | --resource-id | --sid | --base-url | --timeout | --retries) COMPREPLY=(); return ;;
        esac
        if [[ $cur == -* ]]; then
            _acr_words --appid --resource-id --sid --mode --base-url --timeout --retries --verbose --help
        else
            _acr_files
        fi
        ;;
    ncs-ip)
        case $prev in
        --base-url | --timeout | --retries) COMPREPLY=(); return ;;
        esac
        if [[ $cur == -* ]]; then
            _acr_words --base-url --timeout --retries --verbose --help
        fi
        ;;
    esac
}
complete -F _acr acr
