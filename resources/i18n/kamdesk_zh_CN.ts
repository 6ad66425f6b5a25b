<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>kamdesk</name>
    <message>
        <source>Workbench for key account managers: the customer archive.</source>
        <translation>大客户经理工作台：客户档案库。</translation>
    </message>
    <message>
        <source>archive file (default: $KAMDESK_DB or the user data folder)</source>
        <translation>档案库文件（默认：$KAMDESK_DB 或用户数据文件夹）</translation>
    </message>
    <message>
        <source>interrupted; nothing was changed</source>
        <translation>已中断，未做任何更改</translation>
    </message>
    <message>
        <source> (details in {p})</source>
        <translation>（详情见 {p}）</translation>
    </message>
    <message>
        <source>unexpected error: {e}</source>
        <translation>意外错误：{e}</translation>
    </message>
    <message>
        <source>&apos;{t}&apos; is not YYYY-MM-DD</source>
        <translation>“{t}”不是 YYYY-MM-DD 格式的日期</translation>
    </message>
    <message>
        <source>what is coming up: days, renewals, follow-ups</source>
        <translation>近期日程：纪念日、续约、跟进</translation>
    </message>
    <message>
        <source>how many days (default: setting)</source>
        <translation>往后看几天（默认按设置）</translation>
    </message>
    <message>
        <source>write anniversaries and follow-ups to .ics</source>
        <translation>把纪念日和跟进事项导出为 .ics 日历</translation>
    </message>
    <message>
        <source>years of lunar dates</source>
        <translation>农历日期换算的年数</translation>
    </message>
    <message>
        <source>include family members&apos; names</source>
        <translation>包含家庭成员的姓名</translation>
    </message>
    <message>
        <source>log a greeting sent to a contact</source>
        <translation>记录发给联系人的一次问候</translation>
    </message>
    <message>
        <source>id or exact name</source>
        <translation>编号或完整名称</translation>
    </message>
    <message>
        <source>what was sent (default: a suggestion)</source>
        <translation>发送的内容（默认：推荐的问候语）</translation>
    </message>
    <message>
        <source>greetings a contact has received</source>
        <translation>联系人收到过的问候</translation>
    </message>
    <message>
        <source>an account&apos;s loyalty points</source>
        <translation>客户的积分</translation>
    </message>
    <message>
        <source>earn points for Y</source>
        <translation>为 Y 年计入积分</translation>
    </message>
    <message>
        <source>use N points</source>
        <translation>使用 N 积分</translation>
    </message>
    <message>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>what</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>nothing on the agenda</source>
        <translation>日程中没有事项</translation>
    </message>
    <message>
        <source>at least 1</source>
        <translation>至少为 1</translation>
    </message>
    <message>
        <source>{n} events written to {p}</source>
        <translation>已将 {n} 个日程写入 {p}</translation>
    </message>
    <message>
        <source>warning: {w}</source>
        <translation>注意：{w}</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>发送时间</translation>
    </message>
    <message>
        <source>occasion</source>
        <translation>场合</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>no greetings sent to {n} yet</source>
        <translation>还没有给{n}发过问候</translation>
    </message>
    <message>
        <source>say what the points are used for</source>
        <translation>请说明积分的用途</translation>
    </message>
    <message>
        <source>no new points for {y}</source>
        <translation>{y} 年没有新增积分</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>silver</source>
        <translation>银卡</translation>
    </message>
    <message>
        <source>gold</source>
        <translation>金卡</translation>
    </message>
    <message>
        <source>{a}: {b} points, level {l}</source>
        <translation>{a}：{b} 积分，会员等级：{l}</translation>
    </message>
    <message>
        <source>points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>expires</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>fill an empty archive with sample data</source>
        <translation>往空档案库中填入示例数据</translation>
    </message>
    <message>
        <source>find accounts and contacts by name, pinyin, initials or phone</source>
        <translation>按名称、拼音、首字母或电话查找客户和联系人</translation>
    </message>
    <message>
        <source>everything about one account</source>
        <translation>一个客户的全部信息</translation>
    </message>
    <message>
        <source>list accounts or contacts</source>
        <translation>列出客户或联系人</translation>
    </message>
    <message>
        <source>city or region</source>
        <translation>城市或地区</translation>
    </message>
    <message>
        <source>key accounts only</source>
        <translation>只看重点客户</translation>
    </message>
    <message>
        <source>contacts of one account</source>
        <translation>某个客户的联系人</translation>
    </message>
    <message>
        <source>add an account, contact or anniversary</source>
        <translation>新增客户、联系人或纪念日</translation>
    </message>
    <message>
        <source>a customer company</source>
        <translation>一家客户公司</translation>
    </message>
    <message>
        <source>a person at an account</source>
        <translation>客户公司里的一个人</translation>
    </message>
    <message>
        <source>a birthday or other day of a contact</source>
        <translation>联系人的生日或其他纪念日</translation>
    </message>
    <message>
        <source>the lunar month is a leap month</source>
        <translation>该农历月份是闰月</translation>
    </message>
    <message>
        <source>{v} an account or contact</source>
        <translation>{v}客户或联系人</translation>
    </message>
    <message>
        <source>delete (restorable)</source>
        <translation>删除（可恢复）</translation>
    </message>
    <message>
        <source>bring back an account or contact, or the whole archive from a backup</source>
        <translation>恢复已删除的客户或联系人，或从备份恢复整个档案库</translation>
    </message>
    <message>
        <source>kamdesk restore account|contact ID_OR_NAME brings back a deleted record; kamdesk restore BACKUP puts a backup in place of the archive (see kamdesk backups).</source>
        <translation>kamdesk restore account|contact ID_OR_NAME 恢复一条已删除的记录；kamdesk restore BACKUP 用备份替换档案库（参见 kamdesk backups）。</translation>
    </message>
    <message>
        <source>do not ask before restoring</source>
        <translation>恢复前不询问确认</translation>
    </message>
    <message>
        <source>the archive in one line (creating the default one with sample data)</source>
        <translation>用一行概括档案库（默认档案库不存在时创建并填入示例数据）</translation>
    </message>
    <message>
        <source>check the archive&apos;s integrity</source>
        <translation>检查档案库的完整性</translation>
    </message>
    <message>
        <source>recompute search keys</source>
        <translation>重新计算搜索索引</translation>
    </message>
    <message>
        <source>No display here; showing the archive instead of the desktop.</source>
        <translation>此处没有图形显示，改为显示档案库概况。</translation>
    </message>
    <message>
        <source>The desktop cannot start here ({e}); showing the archive instead.</source>
        <translation>桌面程序无法在此启动（{e}），改为显示档案库概况。</translation>
    </message>
    <message>
        <source>Creating your archive at {p} with sample data…</source>
        <translation>正在 {p} 创建您的档案库并填入示例数据…</translation>
    </message>
    <message>
        <source>kamdesk {v} — archive {p}: {n} accounts</source>
        <translation>kamdesk {v} — 档案库 {p}：{n} 个客户</translation>
    </message>
    <message>
        <source>Try: kamdesk list accounts · kamdesk search zs · kamdesk show ACCOUNT · kamdesk --help</source>
        <translation>试试：kamdesk list accounts · kamdesk search zs · kamdesk show 客户 · kamdesk --help</translation>
    </message>
    <message>
        <source>Sample data: {a} accounts, {c} contacts, {v} visits, {i} issues, {d} anniversaries, {p} preferences</source>
        <translation>示例数据：{a} 个客户，{c} 位联系人，{v} 次拜访，{i} 个客户问题，{d} 个纪念日，{p} 条喜好</translation>
    </message>
    <message>
        <source>account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>nothing matches {t}</source>
        <translation>没有与“{t}”匹配的结果</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>综合评估</translation>
    </message>
    <message>
        <source>tier {t}: {e}</source>
        <translation>{t}类：{e}</translation>
    </message>
    <message>
        <source>next visit due {d}</source>
        <translation>下次拜访应在 {d}</translation>
    </message>
    <message>
        <source>({n} days overdue)</source>
        <translation>（已逾期 {n} 天）</translation>
    </message>
    <message>
        <source>risk score {n}</source>
        <translation>风险分 {n}</translation>
    </message>
    <message>
        <source>loyalty points {n:,}</source>
        <translation>积分 {n:,}</translation>
    </message>
    <message>
        <source>city</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>key</source>
        <translation>重点</translation>
    </message>
    <message>
        <source>contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>last visit</source>
        <translation>上次拜访</translation>
    </message>
    <message>
        <source>open issues</source>
        <translation>未解决问题</translation>
    </message>
    <message>
        <source>title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>level</source>
        <translation>职级</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>added {k} {i}</source>
        <translation>已新增 {k}：{i}</translation>
    </message>
    <message>
        <source>deleted {n}; undo with: kamdesk restore {w} {i}</source>
        <translation>已删除{n}；撤销请用：kamdesk restore {w} {i}</translation>
    </message>
    <message>
        <source>restored {n}</source>
        <translation>已恢复{n}</translation>
    </message>
    <message>
        <source>name the record to bring back</source>
        <translation>请指明要恢复的记录</translation>
    </message>
    <message>
        <source>search keys rebuilt: {n}</source>
        <translation>已重建搜索索引：{n} 条</translation>
    </message>
    <message>
        <source>integrity</source>
        <translation>完整性</translation>
    </message>
    <message>
        <source>foreign keys</source>
        <translation>外键</translation>
    </message>
    <message>
        <source>search keys missing for</source>
        <translation>缺少搜索索引的记录</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>problems found; try: kamdesk check --rebuild-search</source>
        <translation>发现问题；请尝试：kamdesk check --rebuild-search</translation>
    </message>
    <message>
        <source>back the archive up now (checked copy; old backups are thinned out)</source>
        <translation>立即备份档案库（副本经过校验；旧备份会自动精简）</translation>
    </message>
    <message>
        <source>Copy the archive with SQLite&apos;s backup API and check the copy. Without -o it goes into the backups folder, which keeps daily, weekly and monthly copies.</source>
        <translation>用 SQLite 的备份接口复制档案库并校验副本。不带 -o 时副本存入备份文件夹，该文件夹按日、周、月保留副本。</translation>
    </message>
    <message>
        <source>write the copy here instead</source>
        <translation>改为将副本写到此处</translation>
    </message>
    <message>
        <source>list the backups of the archive</source>
        <translation>列出档案库的备份</translation>
    </message>
    <message>
        <source>put a backup in place of the archive (the current state is backed up first)</source>
        <translation>用备份替换档案库（会先备份当前状态）</translation>
    </message>
    <message>
        <source>Replace the archive with a backup: a file, or the name of one in the backups folder (see `kamdesk backups`). The archive must not be open in kamdesk.</source>
        <translation>用备份替换档案库：可指定一个文件，或备份文件夹中某个备份的名称（参见 `kamdesk backups`）。此时档案库不能在 kamdesk 中打开。</translation>
    </message>
    <message>
        <source>backed up to {p}</source>
        <translation>已备份到 {p}</translation>
    </message>
    <message>
        <source>{n} older backups removed by rotation</source>
        <translation>按轮换规则删除了 {n} 个较早的备份</translation>
    </message>
    <message>
        <source>no backups of {p} in {f} yet</source>
        <translation>{f} 中还没有 {p} 的备份</translation>
    </message>
    <message>
        <source>backups of {p} in {f}:</source>
        <translation>{f} 中 {p} 的备份：</translation>
    </message>
    <message>
        <source>taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>accounts</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>visits</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Restore {a} from the backup {b}.</source>
        <translation>将从备份 {b} 恢复 {a}。</translation>
    </message>
    <message>
        <source>the backup holds: {c}</source>
        <translation>备份中有：{c}</translation>
    </message>
    <message>
        <source>the archive holds now: {c}</source>
        <translation>档案库当前有：{c}</translation>
    </message>
    <message>
        <source>The archive as it is now is backed up first.</source>
        <translation>恢复前会先备份档案库的当前状态。</translation>
    </message>
    <message>
        <source>not restored: add --yes to restore without being asked</source>
        <translation>未恢复：加上 --yes 可不经询问直接恢复</translation>
    </message>
    <message>
        <source>Restore? [y/N] </source>
        <translation>确定恢复吗？[y/N] </translation>
    </message>
    <message>
        <source>not restored; nothing was changed</source>
        <translation>未恢复，未做任何更改</translation>
    </message>
    <message>
        <source>restored {a} from {b}</source>
        <translation>已从 {b} 恢复 {a}</translation>
    </message>
    <message>
        <source>the state before the restore is kept in {p}</source>
        <translation>恢复前的状态已保存在 {p}</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>{a} accounts, {c} contacts, {v} visits</source>
        <translation>{a} 个客户，{c} 位联系人，{v} 次拜访</translation>
    </message>
    <message>
        <source>Passphrase: </source>
        <translation>口令： </translation>
    </message>
    <message>
        <source>&apos;{t}&apos; is not MM-DD</source>
        <translation>“{t}”不是 MM-DD 格式的日期</translation>
    </message>
    <message>
        <source>accounts ranked by gross profit: ABC tier, lifetime value, risk</source>
        <translation>按毛利排序的客户：ABC 等级、客户终身价值、风险</translation>
    </message>
    <message>
        <source>set an account&apos;s tier by hand, or back to auto</source>
        <translation>手动设定客户等级，或恢复为自动计算</translation>
    </message>
    <message>
        <source>why (required for A, B or C)</source>
        <translation>原因（设为 A、B 或 C 时必填）</translation>
    </message>
    <message>
        <source>key accounts to add and to drop, by the rule</source>
        <translation>按规则应新增和应撤销的重点客户</translation>
    </message>
    <message>
        <source>churn signals of one account, or accounts by risk</source>
        <translation>一个客户的流失风险信号，或按风险排序的客户</translation>
    </message>
    <message>
        <source>0 = all</source>
        <translation>0 = 全部</translation>
    </message>
    <message>
        <source>show or change the engine&apos;s settings</source>
        <translation>查看或修改规则引擎的设置</translation>
    </message>
    <message>
        <source>back to the default</source>
        <translation>恢复默认值</translation>
    </message>
    <message>
        <source>rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>gross profit</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>cumulative</source>
        <translation>累计占比</translation>
    </message>
    <message>
        <source>lifetime value</source>
        <translation>客户终身价值</translation>
    </message>
    <message>
        <source>quadrant</source>
        <translation>象限</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>* tier set by hand (see kamdesk health ACCOUNT for the reason)</source>
        <translation>* 等级为手动设定（原因见 kamdesk health 客户）</translation>
    </message>
    <message>
        <source>Key accounts: {n} now, {m} if every proposal is followed</source>
        <translation>重点客户：目前 {n} 个，全部采纳建议后为 {m} 个</translation>
    </message>
    <message>
        <source>Make key accounts</source>
        <translation>建议列为重点客户</translation>
    </message>
    <message>
        <source>Drop as key accounts</source>
        <translation>建议撤销重点客户</translation>
    </message>
    <message>
        <source>Warning: {w}</source>
        <translation>注意：{w}</translation>
    </message>
    <message>
        <source>signals</source>
        <translation>风险信号</translation>
    </message>
    <message>
        <source>  tier: {t}</source>
        <translation>  等级：{t}</translation>
    </message>
    <message>
        <source>  lifetime value: {v}</source>
        <translation>  客户终身价值：{v}</translation>
    </message>
    <message>
        <source>  quadrant: {q}</source>
        <translation>  象限：{q}</translation>
    </message>
    <message>
        <source>Signals</source>
        <translation>风险信号</translation>
    </message>
    <message>
        <source>none: nothing the archive shows is worrying</source>
        <translation>无：档案中没有值得担心的迹象</translation>
    </message>
    <message>
        <source>Cadence</source>
        <translation>拜访节奏</translation>
    </message>
    <message>
        <source>say which setting</source>
        <translation>请指明是哪项设置</translation>
    </message>
    <message>
        <source>setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认值</translation>
    </message>
    <message>
        <source>what it does</source>
        <translation>作用</translation>
    </message>
    <message>
        <source>give a value or --reset, not both</source>
        <translation>请给出一个值或使用 --reset，二者不能同时使用</translation>
    </message>
    <message>
        <source>there is no setting {k}; `kamdesk settings` lists them</source>
        <translation>没有名为 {k} 的设置；`kamdesk settings` 会列出全部设置</translation>
    </message>
    <message>
        <source>headquarters: consolidate managers&apos; packages into PostgreSQL, report across them</source>
        <translation>总部：将各客户经理的数据包汇总到 PostgreSQL，并生成跨客户经理的报表</translation>
    </message>
    <message>
        <source>Headquarters keeps a PostgreSQL database of every manager&apos;s packages. Give its URL with --url or in ${v}; the password is best kept in ~/.pgpass.</source>
        <translation>总部用一个 PostgreSQL 数据库保存所有客户经理的数据包。请用 --url 或在 ${v} 中给出数据库 URL；密码最好保存在 ~/.pgpass 中。</translation>
    </message>
    <message>
        <source>create HQ&apos;s database and keys in an empty PostgreSQL database, or upgrade it</source>
        <translation>在空的 PostgreSQL 数据库中创建总部数据库和密钥，或将其升级</translation>
    </message>
    <message>
        <source>the name managers see on HQ&apos;s key</source>
        <translation>客户经理在总部密钥上看到的名称</translation>
    </message>
    <message>
        <source>also write HQ&apos;s public key file</source>
        <translation>同时写出总部的公钥文件</translation>
    </message>
    <message>
        <source>HQ&apos;s public key for managers; register managers&apos; keys</source>
        <translation>供客户经理使用的总部公钥；登记客户经理的密钥</translation>
    </message>
    <message>
        <source>Without options: show HQ&apos;s public key and fingerprint. Managers register it with kamdesk keys --register HQ.pub --hq; read them the fingerprint by phone.</source>
        <translation>不带选项时：显示总部的公钥和指纹。客户经理用 kamdesk keys --register HQ.pub --hq 登记该公钥；请通过电话把指纹念给他们核对。</translation>
    </message>
    <message>
        <source>write HQ&apos;s key file</source>
        <translation>写出总部的密钥文件</translation>
    </message>
    <message>
        <source>trust packages signed by this manager&apos;s key (repeatable)</source>
        <translation>信任用此客户经理的密钥签名的数据包（可重复使用）</translation>
    </message>
    <message>
        <source>replace the key registered for it before</source>
        <translation>替换之前为其登记的密钥</translation>
    </message>
    <message>
        <source>list the registered managers</source>
        <translation>列出已登记的客户经理</translation>
    </message>
    <message>
        <source>write HQ&apos;s secret age key (AGE-SECRET-KEY-1…) to a new file, to reset a manager&apos;s forgotten passphrase (kamdesk reset-passphrase --recovery-key FILE); keep it offline</source>
        <translation>将总部的 age 私钥（AGE-SECRET-KEY-1…）写入一个新文件，用于重置客户经理忘记的口令（kamdesk reset-passphrase --recovery-key FILE）；请离线保管</translation>
    </message>
    <message>
        <source>merge managers&apos; packages (.kamx) into the HQ database</source>
        <translation>将客户经理的数据包（.kamx）合并到总部数据库</translation>
    </message>
    <message>
        <source>Each package is checked, then merged in its own transaction: all of it or none. Several consolidations may run at once. The exit status is 1 if any package was refused.</source>
        <translation>每个数据包先经过检查，再在各自的事务中合并：要么全部合并，要么全不合并。可以同时运行多个汇总。只要有数据包被拒绝，退出状态即为 1。</translation>
    </message>
    <message>
        <source>the outcomes as JSON</source>
        <translation>以 JSON 格式输出结果</translation>
    </message>
    <message>
        <source>the Excel report across managers</source>
        <translation>跨客户经理的 Excel 报表</translation>
    </message>
    <message>
        <source>Managers, accounts with their manager and tier, the visits of the period and the open issues. No field labelled sensitive is read.</source>
        <translation>客户经理、客户（含所属客户经理和等级）、本期拜访和未解决的客户问题。不读取任何标为敏感的字段。</translation>
    </message>
    <message>
        <source>the year (default: this year)</source>
        <translation>年份（默认：今年）</translation>
    </message>
    <message>
        <source>one quarter of it</source>
        <translation>其中某一季度</translation>
    </message>
    <message>
        <source>the HQ database, postgresql://user@host/db (default: ${v})</source>
        <translation>总部数据库，postgresql://user@host/db（默认：${v}）</translation>
    </message>
    <message>
        <source>give the HQ database: --url postgresql://user@host/db, or set ${v}</source>
        <translation>请指定总部数据库：--url postgresql://user@host/db，或设置 ${v}</translation>
    </message>
    <message>
        <source>HQ database ready at {db}; HQ&apos;s key fingerprint {f}</source>
        <translation>总部数据库已在 {db} 就绪；总部密钥指纹 {f}</translation>
    </message>
    <message>
        <source>wrote {p}; fingerprint {f}</source>
        <translation>已写入 {p}；指纹 {f}</translation>
    </message>
    <message>
        <source>registered {n} ({i}), fingerprint {f}</source>
        <translation>已登记 {n}（{i}），指纹 {f}</translation>
    </message>
    <message>
        <source>wrote {p}: HQ&apos;s secret key; whoever holds it can open packages sent to HQ</source>
        <translation>已写入 {p}：总部的私钥；持有它的人都能打开发给总部的数据包</translation>
    </message>
    <message>
        <source>fingerprint: {f}</source>
        <translation>指纹：{f}</translation>
    </message>
    <message>
        <source>{p} already exists; choose a new file</source>
        <translation>{p} 已存在；请选择一个新文件</translation>
    </message>
    <message>
        <source>cannot write {p}: {e}</source>
        <translation>无法写入 {p}：{e}</translation>
    </message>
    <message>
        <source>{n} packages: {a} applied, {d} already applied, {r} refused</source>
        <translation>{n} 个数据包：已导入 {a} 个，之前已导入 {d} 个，拒绝 {r} 个</translation>
    </message>
    <message>
        <source>applied {f} from {s}: {new} new, {changed} changed, {deleted} deleted, {c} conflicts</source>
        <translation>已导入来自 {s} 的 {f}：新增 {new}，更改 {changed}，删除 {deleted}，冲突 {c}</translation>
    </message>
    <message>
        <source>already applied: {f} (package {i} from {s}); nothing changed</source>
        <translation>已导入过：{f}（来自 {s} 的数据包 {i}）；未做任何更改</translation>
    </message>
    <message>
        <source>refused {f}: {why}</source>
        <translation>已拒绝 {f}：{why}</translation>
    </message>
    <message>
        <source>wrote {p}: {m} managers, {a} accounts, {v} visits in {period}, {i} open issues</source>
        <translation>已写入 {p}：{m} 个客户经理，{a} 个客户，{period} 的 {v} 次拜访，{i} 个未解决问题</translation>
    </message>
    <message>
        <source>contacts from a vCard (.vcf) or CSV file: a phone&apos;s address book, Outlook, Excel</source>
        <translation>从 vCard（.vcf）或 CSV 文件导入联系人：手机通讯录、Outlook、Excel</translation>
    </message>
    <message>
        <source>Import contacts from a vCard file or a CSV file saved by Excel, Outlook or Google Contacts. The company names the account (an existing one by name or short name, else a new one); contacts already in the archive are skipped.</source>
        <translation>从 vCard 文件或由 Excel、Outlook、Google 通讯录保存的 CSV 文件导入联系人。公司名指明所属客户（按名称或简称匹配已有客户，找不到则新建）；档案库中已有的联系人会跳过。</translation>
    </message>
    <message>
        <source>only show what would be imported</source>
        <translation>只显示将要导入的内容</translation>
    </message>
    <message>
        <source>account for contacts without a company; created if it does not exist</source>
        <translation>没有公司的联系人归入的客户；不存在时会新建</translation>
    </message>
    <message>
        <source>import the good contacts, skip those with problems</source>
        <translation>导入没有问题的联系人，跳过有问题的</translation>
    </message>
    <message>
        <source>CSV only: take the column HEADER as FIELD (name, family_name, given_name, company, department, title, phone, email, birthday, wechat_id, notes, or ignore); repeat for more columns</source>
        <translation>仅限 CSV：把表头为 HEADER 的列作为字段 FIELD 导入（name、family_name、given_name、company、department、title、phone、email、birthday、wechat_id、notes 或 ignore）；多列可重复使用此选项</translation>
    </message>
    <message>
        <source>write contacts to a vCard 3.0 file for phones and mail programs</source>
        <translation>将联系人导出为 vCard 3.0 文件，供手机和邮件程序使用</translation>
    </message>
    <message>
        <source>Write the contacts of every account, or of the accounts named, to a vCard 3.0 file (UTF-8). Fields labelled sensitive are left out unless asked for.</source>
        <translation>将所有客户或所列客户的联系人写入 vCard 3.0 文件（UTF-8）。除非特别要求，标为敏感的字段不会写入。</translation>
    </message>
    <message>
        <source>only the contacts of these accounts (name, short name or id)</source>
        <translation>只导出这些客户的联系人（名称、简称或编号）</translation>
    </message>
    <message>
        <source>also write the fields labelled sensitive (family, children, health, income)</source>
        <translation>同时写入标为敏感的字段（家庭、子女、健康、收入）</translation>
    </message>
    <message>
        <source>an Excel report of accounts, tiers, visits, open issues and plans</source>
        <translation>生成 Excel 报表：客户、等级、拜访、未解决的客户问题和计划</translation>
    </message>
    <message>
        <source>Write an Excel workbook for people who do not run kamdesk: accounts, tiers, the visits of the period, open issues and plan fulfilment. No sensitive field is in it.</source>
        <translation>为不使用 kamdesk 的人生成 Excel 工作簿：客户、等级、本期拜访、未解决的客户问题和计划完成情况。其中不含任何敏感字段。</translation>
    </message>
    <message>
        <source>default: this year</source>
        <translation>默认：今年</translation>
    </message>
    <message>
        <source>--map is for CSV files; {f} is a vCard file</source>
        <translation>--map 只用于 CSV 文件；{f} 是 vCard 文件</translation>
    </message>
    <message>
        <source>dry run: nothing was changed</source>
        <translation>试运行：未做任何更改</translation>
    </message>
    <message>
        <source>birthdays: {n}</source>
        <translation>生日：{n} 个</translation>
    </message>
    <message>
        <source>columns:</source>
        <translation>列：</translation>
    </message>
    <message>
        <source>skipped {card}: {why}</source>
        <translation>已跳过{card}：{why}</translation>
    </message>
    <message>
        <source>{card}: {why}</source>
        <translation>{card}：{why}</translation>
    </message>
    <message>
        <source>accounts: {new} new, {old} existing</source>
        <translation>客户：新增 {new} 个，已有 {old} 个</translation>
    </message>
    <message>
        <source>contacts: {new} new, {dup} duplicates skipped</source>
        <translation>联系人：新增 {new} 位，跳过重复 {dup} 位</translation>
    </message>
    <message>
        <source>problems: {n}</source>
        <translation>问题：{n} 个</translation>
    </message>
    <message>
        <source>{n} of the contacts have problems; nothing was imported (fix them, or --skip-bad)</source>
        <translation>有 {n} 位联系人存在问题，未导入任何内容（请修正这些问题，或使用 --skip-bad）</translation>
    </message>
    <message>
        <source>{n} contacts written to {p}</source>
        <translation>已将 {n} 位联系人写入 {p}</translation>
    </message>
    <message>
        <source>{p} written: {a} accounts, {v} visits in {period}, {i} open issues, {r} plan lines</source>
        <translation>已写入 {p}：{a} 个客户，{period} 的 {v} 次拜访，{i} 个未解决问题，{r} 行计划</translation>
    </message>
    <message>
        <source>leap </source>
        <translation>闰</translation>
    </message>
    <message>
        <source>lunar {leap}{m:02d}-{d:02d}</source>
        <translation>农历{leap}{m:02d}-{d:02d}</translation>
    </message>
    <message>
        <source>  ★ key account: {r}</source>
        <translation>  ★ 重点客户：{r}</translation>
    </message>
    <message>
        <source>industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>executive sponsor</source>
        <translation>高层负责人</translation>
    </message>
    <message>
        <source>cooperating since</source>
        <translation>合作起始</translation>
    </message>
    <message>
        <source>contract renewal</source>
        <translation>合同续约</translation>
    </message>
    <message>
        <source>billing cycle</source>
        <translation>结算周期</translation>
    </message>
    <message>
        <source>cost to serve</source>
        <translation>服务成本</translation>
    </message>
    <message>
        <source>potential</source>
        <translation>潜力</translation>
    </message>
    <message>
        <source>development cost</source>
        <translation>开发成本</translation>
    </message>
    <message>
        <source>Revenue and gross profit</source>
        <translation>营收与毛利</translation>
    </message>
    <message>
        <source>year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>revenue</source>
        <translation>营收</translation>
    </message>
    <message>
        <source>Business situation</source>
        <translation>经营状况</translation>
    </message>
    <message>
        <source>Technical situation</source>
        <translation>技术状况</translation>
    </message>
    <message>
        <source>Innovation goals</source>
        <translation>创新目标</translation>
    </message>
    <message>
        <source>Products in use</source>
        <translation>在用产品</translation>
    </message>
    <message>
        <source>Decision process</source>
        <translation>决策流程</translation>
    </message>
    <message>
        <source>Potential needs</source>
        <translation>潜在需求</translation>
    </message>
    <message>
        <source>Company news</source>
        <translation>公司动态</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>reports to</source>
        <translation>汇报对象</translation>
    </message>
    <message>
        <source>attitude</source>
        <translation>态度</translation>
    </message>
    <message>
        <source>Anniversaries</source>
        <translation>纪念日</translation>
    </message>
    <message>
        <source>whose</source>
        <translation>所属</translation>
    </message>
    <message>
        <source>day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>remind</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>{n} days ahead</source>
        <translation>提前 {n} 天</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>喜好</translation>
    </message>
    <message>
        <source>category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>likes</source>
        <translation>喜欢</translation>
    </message>
    <message>
        <source>Recent visits ({n} in all)</source>
        <translation>最近拜访（共 {n} 次）</translation>
    </message>
    <message>
        <source>when</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Open issues</source>
        <translation>未解决的客户问题</translation>
    </message>
    <message>
        <source>raised</source>
        <translation>提出日期</translation>
    </message>
    <message>
        <source>severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>with several accounts, PATH is a folder that gets one file each, or one combined file when it ends in .pdf</source>
        <translation>有多个客户时，PATH 为文件夹，每个客户各生成一个文件；PATH 以 .pdf 结尾时则合并为一个文件</translation>
    </message>
    <message>
        <source>print the customer dossier of accounts (PDF or Word)</source>
        <translation>打印客户的客户档案（PDF 或 Word）</translation>
    </message>
    <message>
        <source>Print the customer dossier (客户档案) of each account named; {w}.</source>
        <translation>打印所列每个客户的客户档案；{w}。</translation>
    </message>
    <message>
        <source>name, short name or id</source>
        <translation>名称、简称或编号</translation>
    </message>
    <message>
        <source>leave out every field labelled sensitive (health, income, family)</source>
        <translation>略去所有标为敏感的字段（健康、收入、家庭）</translation>
    </message>
    <message>
        <source>print the service plan of accounts for a year or a quarter</source>
        <translation>打印客户某一年或某一季度的服务计划</translation>
    </message>
    <message>
        <source>Print the service plan (服务计划) of each account named; {w}.</source>
        <translation>打印所列每个客户的服务计划；{w}。</translation>
    </message>
    <message>
        <source>language of the document&apos;s headings and labels (default: %(default)s)</source>
        <translation>文档标题和标签所用的语言（默认：%(default)s）</translation>
    </message>
    <message>
        <source>{n} documents combined into {p}</source>
        <translation>已将 {n} 份文档合并为 {p}</translation>
    </message>
    <message>
        <source>protect the sensitive fields with a passphrase</source>
        <translation>为敏感字段设置口令保护</translation>
    </message>
    <message>
        <source>Seal family, children, health, income, family members&apos; names and preferences on disk, in backups and in the log, with a key only your passphrase opens. If headquarters&apos; key is registered, headquarters can reset a forgotten passphrase; otherwise it cannot be recovered.</source>
        <translation>将家庭、子女、健康、收入、家庭成员姓名和喜好在磁盘、备份和日志中加密，密钥只有您的口令才能打开。如果已登记总部的密钥，总部可以重置忘记的口令；否则口令无法找回。</translation>
    </message>
    <message>
        <source>read the new passphrase from this file</source>
        <translation>从此文件读取新口令</translation>
    </message>
    <message>
        <source>unlock a protected archive (it locks itself again after the idle time)</source>
        <translation>解锁受保护的档案库（空闲一段时间后会自动重新锁定）</translation>
    </message>
    <message>
        <source>read the passphrase from this file</source>
        <translation>从此文件读取口令</translation>
    </message>
    <message>
        <source>lock the archive now, here and in the desktop</source>
        <translation>立即锁定档案库（命令行和桌面程序中同时锁定）</translation>
    </message>
    <message>
        <source>change the passphrase</source>
        <translation>更改口令</translation>
    </message>
    <message>
        <source>read the current passphrase from this file</source>
        <translation>从此文件读取当前口令</translation>
    </message>
    <message>
        <source>set a new passphrase with headquarters&apos; recovery key</source>
        <translation>用总部的恢复密钥设置新口令</translation>
    </message>
    <message>
        <source>For a forgotten passphrase: headquarters&apos; secret key file (its age identity, AGE-SECRET-KEY-1…) opens the recovery copy of this archive&apos;s key.</source>
        <translation>用于忘记口令的情况：总部的私钥文件（其 age 身份，AGE-SECRET-KEY-1…）可以打开本档案库密钥的恢复副本。</translation>
    </message>
    <message>
        <source>let headquarters&apos; registered key reset a forgotten passphrase</source>
        <translation>允许用已登记的总部密钥重置忘记的口令</translation>
    </message>
    <message>
        <source>cannot read {p}: {e}</source>
        <translation>无法读取 {p}：{e}</translation>
    </message>
    <message>
        <source>a passphrase is needed: give --passphrase-file or set {e}</source>
        <translation>需要口令：请指定 --passphrase-file 或设置 {e}</translation>
    </message>
    <message>
        <source>Once more: </source>
        <translation>再输入一次： </translation>
    </message>
    <message>
        <source>the two passphrases differ; nothing was changed</source>
        <translation>两次输入的口令不一致；未做任何更改</translation>
    </message>
    <message>
        <source>New passphrase: </source>
        <translation>新口令： </translation>
    </message>
    <message>
        <source>sensitive fields are protected; backups beside the archive were sealed too</source>
        <translation>敏感字段已受保护；档案库旁的备份也已加密</translation>
    </message>
    <message>
        <source>a forgotten passphrase can be reset by {h}</source>
        <translation>忘记口令时可由 {h} 重置</translation>
    </message>
    <message>
        <source>no headquarters key is registered: a forgotten passphrase cannot be recovered (register it and run `kamdesk recovery` to change that)</source>
        <translation>尚未登记总部的密钥：忘记的口令将无法找回（登记总部密钥并运行 `kamdesk recovery` 即可改变这一点）</translation>
    </message>
    <message>
        <source>this archive is not protected by a passphrase</source>
        <translation>此档案库没有设置口令保护</translation>
    </message>
    <message>
        <source>unlocked; locks again after {n} minutes without use</source>
        <translation>已解锁；{n} 分钟未使用后会重新锁定</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Current passphrase: </source>
        <translation>当前口令： </translation>
    </message>
    <message>
        <source>passphrase changed</source>
        <translation>口令已更改</translation>
    </message>
    <message>
        <source>{p} holds no secret key (AGE-SECRET-KEY-1…)</source>
        <translation>{p} 中没有私钥（AGE-SECRET-KEY-1…）</translation>
    </message>
    <message>
        <source>a new passphrase is set</source>
        <translation>已设置新口令</translation>
    </message>
    <message>
        <source>a forgotten passphrase can now be reset by {h}</source>
        <translation>现在忘记口令时可由 {h} 重置</translation>
    </message>
    <message>
        <source>write an exchange package (.kamx) for HQ or another manager, or a backup</source>
        <translation>生成交换数据包（.kamx），发给总部或其他客户经理，或用作备份</translation>
    </message>
    <message>
        <source>Write a signed, encrypted package. hq: what changed since the last package to headquarters, sensitive fields left out; handover: accounts (or everything) for another manager; backup: the whole archive.</source>
        <translation>生成一个已签名、已加密的数据包。hq：自上次发给总部的数据包以来的更改，略去敏感字段；handover：移交给其他客户经理的客户（或全部内容）；backup：整个档案库。</translation>
    </message>
    <message>
        <source>an account (repeatable)</source>
        <translation>一个客户（可重复使用）</translation>
    </message>
    <message>
        <source>seal for this public key file, or a registered installation (repeatable)</source>
        <translation>为此公钥文件或已登记的安装实例加密（可重复使用）</translation>
    </message>
    <message>
        <source>seal with the passphrase in F</source>
        <translation>用文件 F 中的口令加密</translation>
    </message>
    <message>
        <source>also send fields labelled sensitive to HQ</source>
        <translation>同时把标为敏感的字段发给总部</translation>
    </message>
    <message>
        <source>merge an exchange package (.kamx) into the archive</source>
        <translation>把交换数据包（.kamx）合并到档案库</translation>
    </message>
    <message>
        <source>Check a package completely, then merge it in one transaction. --dry-run shows the counts of new, changed, conflicting and deleted records and changes nothing.</source>
        <translation>先完整检查数据包，再在一个事务中合并。--dry-run 只显示新增、更改、冲突和删除的记录数，不做任何更改。</translation>
    </message>
    <message>
        <source>only count, change nothing</source>
        <translation>只统计，不做任何更改</translation>
    </message>
    <message>
        <source>open with the passphrase in F</source>
        <translation>用文件 F 中的口令打开</translation>
    </message>
    <message>
        <source>the result as JSON</source>
        <translation>以 JSON 格式输出结果</translation>
    </message>
    <message>
        <source>this installation&apos;s public key; register other installations&apos; keys</source>
        <translation>本安装实例的公钥；登记其他安装实例的密钥</translation>
    </message>
    <message>
        <source>Without options: show this installation&apos;s public key and fingerprint. Give the fingerprint by phone when you send the key file to someone.</source>
        <translation>不带选项时：显示本安装实例的公钥和指纹。把密钥文件发给别人时，请通过电话告知指纹。</translation>
    </message>
    <message>
        <source>write this installation&apos;s key file</source>
        <translation>写出本安装实例的密钥文件</translation>
    </message>
    <message>
        <source>trust packages signed by this key</source>
        <translation>信任用此密钥签名的数据包</translation>
    </message>
    <message>
        <source>the key being registered is HQ&apos;s</source>
        <translation>正在登记的是总部的密钥</translation>
    </message>
    <message>
        <source>list the registered keys</source>
        <translation>列出已登记的密钥</translation>
    </message>
    <message>
        <source>the name others see on this installation&apos;s key</source>
        <translation>他人在本安装实例的密钥上看到的名称</translation>
    </message>
    <message>
        <source>fields changed on both sides: list them, keep or take the other value</source>
        <translation>双方都改过的字段：列出这些冲突，保留当前值或采用另一方的值</translation>
    </message>
    <message>
        <source>keep the value that won</source>
        <translation>保留胜出的值</translation>
    </message>
    <message>
        <source>take the other value</source>
        <translation>采用另一方的值</translation>
    </message>
    <message>
        <source>cannot read the passphrase file {p}: {e}</source>
        <translation>无法读取口令文件 {p}：{e}</translation>
    </message>
    <message>
        <source>the passphrase file {p} is empty</source>
        <translation>口令文件 {p} 是空的</translation>
    </message>
    <message>
        <source>cannot read the key file {p}: {e}</source>
        <translation>无法读取密钥文件 {p}：{e}</translation>
    </message>
    <message>
        <source>left out of {t}: {f}</source>
        <translation>{t} 中略去的字段：{f}</translation>
    </message>
    <message>
        <source>wrote {p}: {n} records ({c}), package {i}</source>
        <translation>已写入 {p}：{n} 条记录（{c}），数据包 {i}</translation>
    </message>
    <message>
        <source>already applied: package {i} from {s} was imported before; nothing changed</source>
        <translation>已导入过：来自 {s} 的数据包 {i} 之前已导入；未做任何更改</translation>
    </message>
    <message>
        <source>{what} from {s}: {new} new, {changed} changed, {deleted} deleted, {c} conflicts</source>
        <translation>{what}（来自 {s}）：新增 {new}，更改 {changed}，删除 {deleted}，冲突 {c}</translation>
    </message>
    <message>
        <source>dry run</source>
        <translation>试运行</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>conflict in {t} {i}, {f}: kept {k!r}, other {o!r}</source>
        <translation>冲突：{t} {i} 的 {f}：保留 {k!r}，另一方为 {o!r}</translation>
    </message>
    <message>
        <source>registered {n} ({i}), fingerprint {f}{hq}</source>
        <translation>已登记 {n}（{i}），指纹 {f}{hq}</translation>
    </message>
    <message>
        <source>conflict {i} settled</source>
        <translation>冲突 {i} 已解决</translation>
    </message>
    <message>
        <source>no open conflicts</source>
        <translation>没有待解决的冲突</translation>
    </message>
    <message>
        <source>kept {k!r}, other {o!r}</source>
        <translation>保留 {k!r}，另一方为 {o!r}</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <source>Shareable copy</source>
        <translation>可分享版本</translation>
    </message>
    <message>
        <source>Private copy</source>
        <translation>内部版本</translation>
    </message>
    <message>
        <source>Customer dossier · {n} · {v}</source>
        <translation>客户档案 · {n} · {v}</translation>
    </message>
    <message>
        <source>CONFIDENTIAL</source>
        <translation>机密</translation>
    </message>
    <message>
        <source>Customer dossier: {n}</source>
        <translation>客户档案：{n}</translation>
    </message>
    <message>
        <source>Printed {d} by kamdesk</source>
        <translation>由 kamdesk 于 {d} 打印</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页，共 {pages} 页</translation>
    </message>
    <message>
        <source>Customer dossier</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>{t} (set by hand)</source>
        <translation>{t}（手动设定）</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Key account</source>
        <translation>重点客户</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Printed on</source>
        <translation>打印日期</translation>
    </message>
    <message>
        <source>Printed by</source>
        <translation>打印人</translation>
    </message>
    <message>
        <source>SHAREABLE COPY</source>
        <translation>可分享版本</translation>
    </message>
    <message>
        <source>Every field labelled sensitive (family, children, health, income, and sensitive preferences and anniversaries) has been left out of this copy.</source>
        <translation>本版本已略去所有标为敏感的字段（家庭情况、子女、健康状况、收入，以及敏感的喜好和纪念日）。</translation>
    </message>
    <message>
        <source>Contains personal and sensitive details of customer contacts. For the account team only; do not forward or leave behind.</source>
        <translation>包含客户联系人的个人信息和敏感信息。仅限客户团队内部使用；请勿转发，也不要遗留在外。</translation>
    </message>
    <message>
        <source>Value summary</source>
        <translation>价值概要</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>营收</translation>
    </message>
    <message>
        <source>Gross profit</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>毛利率</translation>
    </message>
    <message>
        <source>Profit vs previous year</source>
        <translation>毛利同比</translation>
    </message>
    <message>
        <source>No yearly figures recorded.</source>
        <translation>尚无年度数据。</translation>
    </message>
    <message>
        <source>Cost to serve (a year)</source>
        <translation>服务成本（每年）</translation>
    </message>
    <message>
        <source>Potential</source>
        <translation>潜力</translation>
    </message>
    <message>
        <source>{r} of {n}</source>
        <translation>第 {r} 名（共 {n} 个）</translation>
    </message>
    <message>
        <source>Rank in the Pareto (gross profit)</source>
        <translation>帕累托排名（按毛利）</translation>
    </message>
    <message>
        <source>Lifetime value</source>
        <translation>客户终身价值</translation>
    </message>
    <message>
        <source>Quadrant</source>
        <translation>象限</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Churn risk</source>
        <translation>流失风险</translation>
    </message>
    <message>
        <source>Cooperating since</source>
        <translation>合作起始日期</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>续约日期</translation>
    </message>
    <message>
        <source>not enough years to tell</source>
        <translation>年数不足，无法判断</translation>
    </message>
    <message>
        <source>profit {a} → {b}</source>
        <translation>毛利 {a} → {b}</translation>
    </message>
    <message>
        <source>growing</source>
        <translation>增长</translation>
    </message>
    <message>
        <source>shrinking</source>
        <translation>下滑</translation>
    </message>
    <message>
        <source>steady</source>
        <translation>平稳</translation>
    </message>
    <message>
        <source>{w}: gross profit {c:+.1f}% from {a} to {b}</source>
        <translation>{w}：{a} 年至 {b} 年毛利 {c:+.1f}%</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>潜在需求</translation>
    </message>
    <message>
        <source>Business and technical situation</source>
        <translation>经营与技术状况</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>尚无记录。</translation>
    </message>
    <message>
        <source>Relationship map</source>
        <translation>关系图</translation>
    </message>
    <message>
        <source>No contacts recorded yet.</source>
        <translation>尚无联系人记录。</translation>
    </message>
    <message>
        <source>Org chart by reporting line; colour: attitude; line width: relationship.</source>
        <translation>按汇报关系绘制的组织结构图；颜色表示态度，线宽表示关系强度。</translation>
    </message>
    <message>
        <source>No close relationship (strength 3 or more) at: {levels}</source>
        <translation>以下职级没有紧密关系（关系强度 3 及以上）：{levels}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>职级</translation>
    </message>
    <message>
        <source>Buying role</source>
        <translation>采购角色</translation>
    </message>
    <message>
        <source>Attitude</source>
        <translation>态度</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>关系强度</translation>
    </message>
    <message>
        <source>Our person</source>
        <translation>我方对接人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Key contacts</source>
        <translation>关键联系人</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>Reports to</source>
        <translation>汇报对象</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Best reached</source>
        <translation>最佳联系方式</translation>
    </message>
    <message>
        <source>Hometown</source>
        <translation>籍贯</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>教育背景</translation>
    </message>
    <message>
        <source>Hobbies</source>
        <translation>兴趣爱好</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>家庭情况</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>子女</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康状况</translation>
    </message>
    <message>
        <source>Income range</source>
        <translation>收入范围</translation>
    </message>
    <message>
        <source>Preferences and taboos</source>
        <translation>喜好与禁忌</translation>
    </message>
    <message>
        <source>Coming anniversaries</source>
        <translation>即将到来的纪念日</translation>
    </message>
    <message>
        <source>avoid</source>
        <translation>避免</translation>
    </message>
    <message>
        <source>{m} (family of {n})</source>
        <translation>{m}（{n}的家人）</translation>
    </message>
    <message>
        <source>{d}: {who}, {what} — {written}</source>
        <translation>{d}：{who}，{what} — {written}</translation>
    </message>
    <message>
        <source>({n} years)</source>
        <translation>（满 {n} 年）</translation>
    </message>
    <message>
        <source>Recent visits</source>
        <translation>最近拜访</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>会见人员</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Outcome / next steps</source>
        <translation>成果 / 下一步</translation>
    </message>
    <message>
        <source>No visits recorded.</source>
        <translation>没有拜访记录。</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} 天</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>提出日期</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Open for</source>
        <translation>已持续</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>No open issues.</source>
        <translation>没有未解决的客户问题。</translation>
    </message>
    <message>
        <source>Report on the open issue “{d}” (open {n} days, {r})</source>
        <translation>通报未解决问题“{d}”的进展（已持续 {n} 天，{r}）</translation>
    </message>
    <message>
        <source>nobody responsible yet</source>
        <translation>尚无责任人</translation>
    </message>
    <message>
        <source>Remember: {line}</source>
        <translation>别忘了：{line}</translation>
    </message>
    <message>
        <source>Follow-up promised for {d}: {s}</source>
        <translation>承诺在 {d} 跟进：{s}</translation>
    </message>
    <message>
        <source>Need learned on {d}: {n}</source>
        <translation>{d} 了解到的需求：{n}</translation>
    </message>
    <message>
        <source>Explore: {n}</source>
        <translation>进一步挖掘：{n}</translation>
    </message>
    <message>
        <source>The visit is {n} days overdue for tier {t}: agree the next date</source>
        <translation>按{t}类客户的要求，拜访已逾期 {n} 天：请约定下次拜访日期</translation>
    </message>
    <message>
        <source>Suggested talking points for the next visit</source>
        <translation>下次拜访的建议沟通要点</translation>
    </message>
    <message>
        <source>Nothing pressing: listen for new needs.</source>
        <translation>没有紧迫事项：多留意客户的新需求。</translation>
    </message>
    <message>
        <source>level not set</source>
        <translation>未设职级</translation>
    </message>
    <message>
        <source>no relationship at this level</source>
        <translation>这一层级尚未建立关系</translation>
    </message>
    <message>
        <source>no relationship at this level (nobody known)</source>
        <translation>这一层级尚未建立关系（一个人都不认识）</translation>
    </message>
    <message>
        <source>ours: {n}</source>
        <translation>我方：{n}</translation>
    </message>
    <message>
        <source>attitude unknown</source>
        <translation>态度未知</translation>
    </message>
    <message>
        <source>Line width: relationship strength (dashed: unknown)</source>
        <translation>线宽表示关系强度（虚线：未知）</translation>
    </message>
    <message>
        <source>Service plan {p}: {n}</source>
        <translation>{p}服务计划：{n}</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Service plan</source>
        <translation>服务计划</translation>
    </message>
    <message>
        <source>INTERNAL</source>
        <translation>内部</translation>
    </message>
    <message>
        <source>What the account&apos;s tier calls for in this period, and what has been done so far.</source>
        <translation>本期间按客户等级应开展的服务，以及目前的完成情况。</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>纪要</translation>
    </message>
    <message>
        <source>Items planned</source>
        <translation>计划事项数</translation>
    </message>
    <message>
        <source>Rules of tier {t} (from the settings)</source>
        <translation>{t}类客户的服务规则（取自设置）</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Plan against actual by kind</source>
        <translation>按类型对比计划与实际</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划数</translation>
    </message>
    <message>
        <source>Service plan · {n} · {p}</source>
        <translation>服务计划 · {n} · {p}</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>by {d}</source>
        <translation>{d} 前</translation>
    </message>
    <message>
        <source>The tier calls for nothing in this period.</source>
        <translation>该等级在本期间没有要求的服务事项。</translation>
    </message>
    <message>
        <source>tier {t}: no {what} required</source>
        <translation>{t}类客户：无需{what}</translation>
    </message>
    <message>
        <source>no {what} yet → due today</source>
        <translation>尚无{what} → 今天就该安排</translation>
    </message>
    <message>
        <source>last {what} {d} + every {n} days (tier {t}) → due {due}</source>
        <translation>上次{what} {d} + 每 {n} 天一次（{t}类）→ {due} 到期</translation>
    </message>
    <message>
        <source>, {n} days overdue</source>
        <translation>，已逾期 {n} 天</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>executive visit</source>
        <translation>高层拜访</translation>
    </message>
    <message>
        <source>maintenance (on-site) visit</source>
        <translation>上门维护拜访</translation>
    </message>
    <message>
        <source>month must be 1 to 12</source>
        <translation>月份应为 1 到 12</translation>
    </message>
    <message>
        <source>lunar day must be 1 to 30</source>
        <translation>农历日应为 1 到 30</translation>
    </message>
    <message>
        <source>only a lunar day can be in a leap month</source>
        <translation>只有农历日期才有闰月</translation>
    </message>
    <message>
        <source>day must be 1 to {n} in month {m}</source>
        <translation>{m} 月的日期应为 1 到 {n}</translation>
    </message>
    <message>
        <source>year must be between {a} and {b}</source>
        <translation>年份应在 {a} 到 {b} 之间</translation>
    </message>
    <message>
        <source>dates must lie in the years {a} to {b}</source>
        <translation>日期须在 {a} 到 {b} 年之间</translation>
    </message>
    <message>
        <source>no such leap month this year: kept on the ordinary month</source>
        <translation>今年没有这个闰月：按平月计</translation>
    </message>
    <message>
        <source>the month has 29 days this year: kept on the 29th</source>
        <translation>今年该月只有 29 天：按二十九计</translation>
    </message>
    <message>
        <source>not a leap year: kept on 28 February</source>
        <translation>今年不是闰年：按 2 月 28 日计</translation>
    </message>
    <message>
        <source>gross profit fell {c:.0%}: {p:,} in {y0} → {q:,} in {y1} (signal at {d:.0%})</source>
        <translation>毛利下降 {c:.0%}：{y0} 年 {p:,} → {y1} 年 {q:,}（降幅达 {d:.0%} 即预警）</translation>
    </message>
    <message>
        <source>never visited; a visit is due today</source>
        <translation>从未拜访过，今天就该安排拜访</translation>
    </message>
    <message>
        <source>no visit for {n} days, every {e} days is due: {o} days overdue</source>
        <translation>已 {n} 天未拜访，应每 {e} 天一次：已逾期 {o} 天</translation>
    </message>
    <message>
        <source>executive visit {o} days overdue (every {e} days)</source>
        <translation>高层拜访已逾期 {o} 天（应每 {e} 天一次）</translation>
    </message>
    <message>
        <source>on-site visit {o} days overdue (every {e} days)</source>
        <translation>上门拜访已逾期 {o} 天（应每 {e} 天一次）</translation>
    </message>
    <message>
        <source>open issues past due: {n}, the oldest {d} days late</source>
        <translation>逾期未解决的客户问题：{n} 个，最久的已逾期 {d} 天</translation>
    </message>
    <message>
        <source>satisfaction fell from {e:.1f} ({ne} visits, {d0}–{d1} days ago) to {r:.1f} ({nr} visits, last {d0} days)</source>
        <translation>满意度从 {e:.1f}（{d0}–{d1} 天前的 {ne} 次拜访）降到 {r:.1f}（最近 {d0} 天的 {nr} 次拜访）</translation>
    </message>
    <message>
        <source>billing cycle shortened from {b} to {n} on {d}: the customer commits less</source>
        <translation>结算周期于 {d} 从 {b} 缩短为 {n}：客户的投入在减少</translation>
    </message>
    <message>
        <source>no contact is marked decision maker</source>
        <translation>没有联系人被标为决策者</translation>
    </message>
    <message>
        <source>no relationship with decision maker {n} (strength unknown or ≤ {s})</source>
        <translation>与决策者{n}没有建立关系（关系强度未知或 ≤ {s}）</translation>
    </message>
    <message>
        <source>decision maker {n} opposes us</source>
        <translation>决策者{n}反对我们</translation>
    </message>
    <message>
        <source>nobody at owner or VP level with a relationship strength of {s} or more</source>
        <translation>老板或副总层级中没有关系强度达到 {s} 及以上的人</translation>
    </message>
    <message>
        <source>prospect</source>
        <translation>潜在客户</translation>
    </message>
    <message>
        <source>active</source>
        <translation>合作中</translation>
    </message>
    <message>
        <source>dormant</source>
        <translation>休眠</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>已流失</translation>
    </message>
    <message>
        <source>annual</source>
        <translation>按年</translation>
    </message>
    <message>
        <source>quarterly</source>
        <translation>按季度</translation>
    </message>
    <message>
        <source>monthly</source>
        <translation>按月</translation>
    </message>
    <message>
        <source>owner / chairman</source>
        <translation>老板 / 董事长</translation>
    </message>
    <message>
        <source>vice president</source>
        <translation>副总裁</translation>
    </message>
    <message>
        <source>director</source>
        <translation>总监</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>decision maker</source>
        <translation>决策者</translation>
    </message>
    <message>
        <source>influencer</source>
        <translation>影响者</translation>
    </message>
    <message>
        <source>user</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>gatekeeper</source>
        <translation>把关者</translation>
    </message>
    <message>
        <source>champion</source>
        <translation>内部支持者（教练）</translation>
    </message>
    <message>
        <source>supporter</source>
        <translation>支持</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>中立</translation>
    </message>
    <message>
        <source>opponent</source>
        <translation>反对</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>personal</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>sensitive</source>
        <translation>敏感</translation>
    </message>
    <message>
        <source>food</source>
        <translation>饮食</translation>
    </message>
    <message>
        <source>drink</source>
        <translation>酒水饮品</translation>
    </message>
    <message>
        <source>sport</source>
        <translation>运动</translation>
    </message>
    <message>
        <source>gift</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>communication</source>
        <translation>沟通方式</translation>
    </message>
    <message>
        <source>hobby</source>
        <translation>爱好</translation>
    </message>
    <message>
        <source>taboo</source>
        <translation>禁忌</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>wedding anniversary</source>
        <translation>结婚纪念日</translation>
    </message>
    <message>
        <source>child&apos;s birthday</source>
        <translation>子女生日</translation>
    </message>
    <message>
        <source>company founding day</source>
        <translation>公司成立纪念日</translation>
    </message>
    <message>
        <source>cooperation anniversary</source>
        <translation>合作纪念日</translation>
    </message>
    <message>
        <source>other day</source>
        <translation>其他纪念日</translation>
    </message>
    <message>
        <source>solar</source>
        <translation>公历</translation>
    </message>
    <message>
        <source>lunar</source>
        <translation>农历</translation>
    </message>
    <message>
        <source>on site</source>
        <translation>上门拜访</translation>
    </message>
    <message>
        <source>phone call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>dinner</source>
        <translation>宴请</translation>
    </message>
    <message>
        <source>event</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>card</source>
        <translation>贺卡</translation>
    </message>
    <message>
        <source>in person</source>
        <translation>当面</translation>
    </message>
    <message>
        <source>earned</source>
        <translation>获得</translation>
    </message>
    <message>
        <source>redeemed</source>
        <translation>兑换</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>过期</translation>
    </message>
    <message>
        <source>adjusted</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>lunar month must be 1 to 12</source>
        <translation>农历月份应为 1 到 12</translation>
    </message>
    <message>
        <source>no lunar year between {a} and {b} has a leap month {m}</source>
        <translation>{a} 到 {b} 年之间没有哪一年有闰{m}月</translation>
    </message>
    <message>
        <source>lunar year must be between {a} and {b}</source>
        <translation>农历年份应在 {a} 到 {b} 之间</translation>
    </message>
    <message>
        <source>lunar year {y} has its leap month after month {a}, not {m}</source>
        <translation>农历 {y} 年闰的是 {a} 月，不是 {m} 月</translation>
    </message>
    <message>
        <source>lunar year {y} has no leap month</source>
        <translation>农历 {y} 年没有闰月</translation>
    </message>
    <message>
        <source>lunar month {m} of {y} has only 29 days</source>
        <translation>农历 {y} 年 {m} 月只有 29 天</translation>
    </message>
    <message>
        <source>{k} takes a {t}, not &apos;{v}&apos;</source>
        <translation>{k} 应为 {t} 类型，而不是“{v}”</translation>
    </message>
    <message>
        <source>{k} is at least {m}</source>
        <translation>{k} 至少为 {m}</translation>
    </message>
    <message>
        <source>{k} is at most {m}</source>
        <translation>{k} 至多为 {m}</translation>
    </message>
    <message>
        <source>{k} is one of: {a}</source>
        <translation>{k} 只能是以下之一：{a}</translation>
    </message>
    <message>
        <source>Tier A: accounts making this share of profit</source>
        <translation>A类：贡献这一毛利占比的客户</translation>
    </message>
    <message>
        <source>Tiers A+B: accounts making this share</source>
        <translation>A类 + B类：贡献这一占比的客户</translation>
    </message>
    <message>
        <source>Expected further years of cooperation</source>
        <translation>预计还能继续合作的年数</translation>
    </message>
    <message>
        <source>Tier A: days between visits</source>
        <translation>A类：拜访间隔天数</translation>
    </message>
    <message>
        <source>Tier B: days between visits</source>
        <translation>B类：拜访间隔天数</translation>
    </message>
    <message>
        <source>Tier C: days between visits</source>
        <translation>C类：拜访间隔天数</translation>
    </message>
    <message>
        <source>Tier A: days between executive visits (0 = none)</source>
        <translation>A类：高层拜访间隔天数（0 = 不安排）</translation>
    </message>
    <message>
        <source>Tier B: days between executive visits (0 = none)</source>
        <translation>B类：高层拜访间隔天数（0 = 不安排）</translation>
    </message>
    <message>
        <source>Tier C: days between executive visits (0 = none)</source>
        <translation>C类：高层拜访间隔天数（0 = 不安排）</translation>
    </message>
    <message>
        <source>Tier A: days between maintenance visits (0 = none)</source>
        <translation>A类：上门维护间隔天数（0 = 不安排）</translation>
    </message>
    <message>
        <source>Tier B: days between maintenance visits (0 = none)</source>
        <translation>B类：上门维护间隔天数（0 = 不安排）</translation>
    </message>
    <message>
        <source>Tier C: days between maintenance visits (0 = none)</source>
        <translation>C类：上门维护间隔天数（0 = 不安排）</translation>
    </message>
    <message>
        <source>Key accounts: lowest tier</source>
        <translation>重点客户：最低等级</translation>
    </message>
    <message>
        <source>Key accounts: years of cooperation at least</source>
        <translation>重点客户：最少合作年数</translation>
    </message>
    <message>
        <source>Key accounts: gross margin at least</source>
        <translation>重点客户：最低毛利率</translation>
    </message>
    <message>
        <source>Warn when a manager has fewer key accounts</source>
        <translation>客户经理的重点客户少于此数时提醒</translation>
    </message>
    <message>
        <source>Warn when a manager has more key accounts</source>
        <translation>客户经理的重点客户多于此数时提醒</translation>
    </message>
    <message>
        <source>Churn risk: a yearly profit fall of</source>
        <translation>流失风险：年度毛利降幅达到</translation>
    </message>
    <message>
        <source>Lock a protected archive after minutes idle (0 = only when closed)</source>
        <translation>受保护的档案库空闲多少分钟后锁定（0 = 仅在关闭时锁定）</translation>
    </message>
    <message>
        <source>Agenda: days ahead</source>
        <translation>日程：往后看的天数</translation>
    </message>
    <message>
        <source>Points earned per 10,000 of revenue</source>
        <translation>每 1 万元营收获得的积分</translation>
    </message>
    <message>
        <source>Points expire after months (0 = never)</source>
        <translation>积分有效月数（0 = 永不过期）</translation>
    </message>
    <message>
        <source>Points balance for silver level</source>
        <translation>达到银卡所需积分</translation>
    </message>
    <message>
        <source>Points balance for gold level</source>
        <translation>达到金卡所需积分</translation>
    </message>
    <message>
        <source>Calendar export: years of lunar dates</source>
        <translation>日历导出：农历日期换算的年数</translation>
    </message>
    <message>
        <source>Tier A: satisfaction surveys a year</source>
        <translation>A类：每年满意度调查次数</translation>
    </message>
    <message>
        <source>Tier B: satisfaction surveys a year</source>
        <translation>B类：每年满意度调查次数</translation>
    </message>
    <message>
        <source>Tier C: satisfaction surveys a year</source>
        <translation>C类：每年满意度调查次数</translation>
    </message>
    <message>
        <source>Tier A: review meetings a year</source>
        <translation>A类：每年回顾会议次数</translation>
    </message>
    <message>
        <source>Tier B: review meetings a year</source>
        <translation>B类：每年回顾会议次数</translation>
    </message>
    <message>
        <source>Tier C: review meetings a year</source>
        <translation>C类：每年回顾会议次数</translation>
    </message>
    <message>
        <source>phone &apos;{p}&apos; may hold only digits, spaces, + ( ) - and an extension</source>
        <translation>电话“{p}”只能包含数字、空格、+ ( ) - 和分机号</translation>
    </message>
    <message>
        <source>phone &apos;{p}&apos; should have 5 to 15 digits</source>
        <translation>电话“{p}”应有 5 到 15 位数字</translation>
    </message>
    <message>
        <source>mobile number &apos;{p}&apos; does not start like a Chinese mobile (13–19)</source>
        <translation>手机号“{p}”的开头不像中国大陆手机号（应以 13–19 开头）</translation>
    </message>
    <message>
        <source>&apos;{e}&apos; is not an e-mail address (name@example.com)</source>
        <translation>“{e}”不是电子邮件地址（例如 name@example.com）</translation>
    </message>
    <message>
        <source>No. {rank}, gross profit {p:,}, {s:.1%} of the total, cumulative {c:.1%}; </source>
        <translation>第 {rank} 名，毛利 {p:,}，占总额 {s:.1%}，累计 {c:.1%}；</translation>
    </message>
    <message>
        <source>the accounts above it make {m:.1%} &lt; {a:.0%} → A</source>
        <translation>排在前面的客户合计占 {m:.1%} &lt; {a:.0%} → A类</translation>
    </message>
    <message>
        <source>the accounts above it make {m:.1%}, from {a:.0%} to under {b:.0%} → B</source>
        <translation>排在前面的客户合计占 {m:.1%}，在 {a:.0%} 到 {b:.0%} 之间 → B类</translation>
    </message>
    <message>
        <source>the accounts above it make {m:.1%} ≥ {b:.0%} → C</source>
        <translation>排在前面的客户合计占 {m:.1%} ≥ {b:.0%} → C类</translation>
    </message>
    <message>
        <source>No. {rank}, gross profit {p:,}: no profit → C</source>
        <translation>第 {rank} 名，毛利 {p:,}：没有利润 → C类</translation>
    </message>
    <message>
        <source>(average gross profit {avg:,} over {n} years − cost to serve {cost:,} a year) × {years:g} further years − development cost {dev:,} = {v:,}</source>
        <translation>（{n} 年平均毛利 {avg:,} − 每年服务成本 {cost:,}）× 预计再合作 {years:g} 年 − 开发成本 {dev:,} = {v:,}</translation>
    </message>
    <message>
        <source>star: high value, low cost — keep and grow</source>
        <translation>明星客户：价值高、成本低 —— 保持并扩大合作</translation>
    </message>
    <message>
        <source>invest: high value, high cost — worth the effort</source>
        <translation>投入型客户：价值高、成本高 —— 值得投入</translation>
    </message>
    <message>
        <source>maintain: low value, low cost — serve efficiently</source>
        <translation>维持型客户：价值低、成本低 —— 高效服务即可</translation>
    </message>
    <message>
        <source>review: low value, high cost — rethink the effort</source>
        <translation>待评估客户：价值低、成本高 —— 需重新考虑投入</translation>
    </message>
    <message>
        <source>fails: {f}</source>
        <translation>未达标：{f}</translation>
    </message>
    <message>
        <source>meets every criterion: {p}</source>
        <translation>符合全部条件：{p}</translation>
    </message>
    <message>
        <source>{n} key accounts now, {m} after this review; the rule is {low} to {high}</source>
        <translation>目前有 {n} 个重点客户，本次评审后为 {m} 个；规定为 {low} 到 {high} 个</translation>
    </message>
    <message>
        <source>tier {t} (at least {m})</source>
        <translation>{t}类（至少 {m}类）</translation>
    </message>
    <message>
        <source>{n} years of cooperation (at least {m})</source>
        <translation>合作 {n} 年（至少 {m} 年）</translation>
    </message>
    <message>
        <source>no revenue last year, so no margin (at least {m:.0%})</source>
        <translation>去年没有营收，无法计算毛利率（至少 {m:.0%}）</translation>
    </message>
    <message>
        <source>gross margin {g:.1%} (at least {m:.0%})</source>
        <translation>毛利率 {g:.1%}（至少 {m:.0%}）</translation>
    </message>
    <message>
        <source>the HQ commands need the PostgreSQL driver psycopg; install it with: pip install &apos;kamdesk[hq]&apos;</source>
        <translation>总部命令需要 PostgreSQL 驱动 psycopg；请用以下命令安装：pip install &apos;kamdesk[hq]&apos;</translation>
    </message>
    <message>
        <source>to trust it, register its key file: kamdesk hq keys --register FILE</source>
        <translation>如要信任它，请登记其密钥文件：kamdesk hq keys --register FILE</translation>
    </message>
    <message>
        <source>the database refused the package: {e}</source>
        <translation>数据库拒绝了该数据包：{e}</translation>
    </message>
    <message>
        <source>{t} {i}: {f}: the number is too large to store</source>
        <translation>{t} {i}：{f}：数值过大，无法存储</translation>
    </message>
    <message>
        <source>&apos;{u}&apos; is not a database URL; give one like postgresql://user@host/kamdesk_hq</source>
        <translation>“{u}”不是数据库 URL；请提供类似 postgresql://user@host/kamdesk_hq 的 URL</translation>
    </message>
    <message>
        <source>the HQ database is PostgreSQL: give a URL like postgresql://user@host/kamdesk_hq</source>
        <translation>总部数据库使用 PostgreSQL：请提供类似 postgresql://user@host/kamdesk_hq 的 URL</translation>
    </message>
    <message>
        <source>cannot connect to {db}: {e}</source>
        <translation>无法连接到 {db}：{e}</translation>
    </message>
    <message>
        <source>{db} is not an HQ database yet; set it up with: kamdesk hq init --url URL</source>
        <translation>{db} 还不是总部数据库；请用以下命令初始化：kamdesk hq init --url URL</translation>
    </message>
    <message>
        <source>{db} was upgraded by a newer kamdesk (schema {r}); update kamdesk</source>
        <translation>{db} 已由更新版本的 kamdesk 升级（数据结构版本 {r}）；请升级 kamdesk</translation>
    </message>
    <message>
        <source>{db} has an older schema ({r}); bring it up to date with: kamdesk hq init --url URL</source>
        <translation>{db} 的数据结构版本较旧（{r}）；请用以下命令更新：kamdesk hq init --url URL</translation>
    </message>
    <message>
        <source>{db} already holds tables that are not kamdesk&apos;s; give HQ an empty database (createdb kamdesk_hq)</source>
        <translation>{db} 中已有不属于 kamdesk 的表；请为总部提供一个空数据库（createdb kamdesk_hq）</translation>
    </message>
    <message>
        <source>the HQ database has no installation id; run kamdesk hq init</source>
        <translation>总部数据库缺少安装编号；请运行 kamdesk hq init</translation>
    </message>
    <message>
        <source>the HQ database has no keys yet; run kamdesk hq init</source>
        <translation>总部数据库还没有密钥；请运行 kamdesk hq init</translation>
    </message>
    <message>
        <source>that is this installation&apos;s own key</source>
        <translation>这是本安装实例自己的密钥</translation>
    </message>
    <message>
        <source>{who} is already registered with a different key (fingerprint {old}); check with them by phone, then register again with replace</source>
        <translation>{who} 已用另一把密钥登记（指纹 {old}）；请先通过电话与对方核实，再以替换（replace）方式重新登记</translation>
    </message>
    <message>
        <source>kamdesk HQ report {p}</source>
        <translation>kamdesk 总部报表 {p}</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Installation</source>
        <translation>安装实例</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Key accounts</source>
        <translation>重点客户</translation>
    </message>
    <message>
        <source>Key accounts {low} to {high}</source>
        <translation>重点客户（规定 {low}–{high} 个）</translation>
    </message>
    <message>
        <source>Tier A</source>
        <translation>A类</translation>
    </message>
    <message>
        <source>Tier B</source>
        <translation>B类</translation>
    </message>
    <message>
        <source>Tier C</source>
        <translation>C类</translation>
    </message>
    <message>
        <source>Visits {p}</source>
        <translation>{p}拜访</translation>
    </message>
    <message>
        <source>Last package received</source>
        <translation>最近收到的数据包</translation>
    </message>
    <message>
        <source>too few</source>
        <translation>偏少</translation>
    </message>
    <message>
        <source>too many</source>
        <translation>偏多</translation>
    </message>
    <message>
        <source>within the range</source>
        <translation>在范围内</translation>
    </message>
    <message>
        <source>(no manager)</source>
        <translation>（无客户经理）</translation>
    </message>
    <message>
        <source>Managers</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Gross profit {y}</source>
        <translation>{y} 年毛利</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>上次拜访</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>family name</source>
        <translation>姓</translation>
    </message>
    <message>
        <source>given name</source>
        <translation>名</translation>
    </message>
    <message>
        <source>middle name</source>
        <translation>中间名</translation>
    </message>
    <message>
        <source>company (account)</source>
        <translation>公司（客户）</translation>
    </message>
    <message>
        <source>department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>WeChat ID</source>
        <translation>微信号</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>column {n}</source>
        <translation>第 {n} 列</translation>
    </message>
    <message>
        <source>{f} cannot be read: {e}</source>
        <translation>无法读取 {f}：{e}</translation>
    </message>
    <message>
        <source>the file</source>
        <translation>该文件</translation>
    </message>
    <message>
        <source>{f} is empty</source>
        <translation>{f} 是空的</translation>
    </message>
    <message>
        <source>{f} cannot be read as CSV: {e}</source>
        <translation>无法按 CSV 格式读取 {f}：{e}</translation>
    </message>
    <message>
        <source>{f} is larger than {n} MB; export fewer contacts per file</source>
        <translation>{f} 超过 {n} MB；请每个文件少导出一些联系人</translation>
    </message>
    <message>
        <source>{f} is not readable text</source>
        <translation>{f} 不是可读的文本</translation>
    </message>
    <message>
        <source>{f} is not a text file; save the sheet as CSV</source>
        <translation>{f} 不是文本文件；请将工作表另存为 CSV</translation>
    </message>
    <message>
        <source>{f} is neither UTF-8 nor GB18030 (GBK) text; save it from Excel as CSV</source>
        <translation>{f} 既不是 UTF-8 也不是 GB18030（GBK）编码的文本；请在 Excel 中将其另存为 CSV</translation>
    </message>
    <message>
        <source>a column mapping is HEADER=FIELD, e.g. 手机=phone, not &apos;{m}&apos;</source>
        <translation>列对应关系应写成 HEADER=FIELD，例如 手机=phone，而不是“{m}”</translation>
    </message>
    <message>
        <source>{f} has no column &apos;{h}&apos;; its columns are: {all}</source>
        <translation>{f} 中没有“{h}”列；其中的列为：{all}</translation>
    </message>
    <message>
        <source>&apos;{t}&apos; is not a field; the fields are: {all}</source>
        <translation>“{t}”不是字段；可用的字段为：{all}</translation>
    </message>
    <message>
        <source>the column mapping does not fit the file&apos;s columns</source>
        <translation>列对应关系与文件中的列不符</translation>
    </message>
    <message>
        <source>phone &apos;{p}&apos; was turned into a number by Excel; format the column as text and save the file again</source>
        <translation>电话“{p}”已被 Excel 转成了数字；请把该列设为文本格式，然后重新保存文件</translation>
    </message>
    <message>
        <source>no column of {f} is taken as the name; its columns are: {all} (name one with HEADER=name)</source>
        <translation>{f} 中没有哪一列被用作姓名；其中的列为：{all}（请用 HEADER=name 指定一列）</translation>
    </message>
    <message>
        <source>birthday &apos;{v}&apos; is not a date (such as 1980-01-15 or 01-15)</source>
        <translation>生日“{v}”不是日期（例如 1980-01-15 或 01-15）</translation>
    </message>
    <message>
        <source>{y} Q{q}</source>
        <translation>{y}年第{q}季度</translation>
    </message>
    <message>
        <source>kamdesk report {p}</source>
        <translation>kamdesk 报表 {p}</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Next visit due</source>
        <translation>下次拜访日</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Share of accounts</source>
        <translation>客户数占比</translation>
    </message>
    <message>
        <source>Share of profit</source>
        <translation>毛利占比</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Tier A: the accounts that make the first {a:.0%} of the positive gross profit of {y}; tier B: up to {b:.0%}; tier C: the rest. A tier set by hand counts where it was set.</source>
        <translation>A类：贡献 {y} 年正毛利前 {a:.0%} 的客户；B类：累计至 {b:.0%}；C类：其余客户。手动设定的等级按设定值计入。</translation>
    </message>
    <message>
        <source>Cumulative share</source>
        <translation>累计占比</translation>
    </message>
    <message>
        <source>Tier by the rule</source>
        <translation>按规则的等级</translation>
    </message>
    <message>
        <source>Tier in use</source>
        <translation>当前等级</translation>
    </message>
    <message>
        <source>(set by hand)</source>
        <translation>（手动设定）</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Contacts met</source>
        <translation>见到的联系人</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>成果</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Follow-up on</source>
        <translation>跟进日期</translation>
    </message>
    <message>
        <source>Raised on</source>
        <translation>提出日期</translation>
    </message>
    <message>
        <source>Age (days)</source>
        <translation>已持续（天）</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>First responsible</source>
        <translation>首要责任人</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>已错过</translation>
    </message>
    <message>
        <source>Due now</source>
        <translation>当前应办</translation>
    </message>
    <message>
        <source>Still to come</source>
        <translation>尚未到期</translation>
    </message>
    <message>
        <source>Plan fulfilment {p}</source>
        <translation>{p}计划完成情况</translation>
    </message>
    <message>
        <source>cannot write {p}: the disk is full ({e}); free some space and try again</source>
        <translation>无法写入 {p}：磁盘已满（{e}）；请腾出空间后重试</translation>
    </message>
    <message>
        <source>family member</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <source>remind {n} days ahead</source>
        <translation>提前 {n} 天提醒</translation>
    </message>
    <message>
        <source>follow up: {a}</source>
        <translation>跟进：{a}</translation>
    </message>
    <message>
        <source>row {n} ({name})</source>
        <translation>第 {n} 行（{name}）</translation>
    </message>
    <message>
        <source>row {n}</source>
        <translation>第 {n} 行</translation>
    </message>
    <message>
        <source>card {n} ({name})</source>
        <translation>第 {n} 张名片（{name}）</translation>
    </message>
    <message>
        <source>card {n}</source>
        <translation>第 {n} 张名片</translation>
    </message>
    <message>
        <source>{f} is not a text file; choose a vCard (.vcf) export</source>
        <translation>{f} 不是文本文件；请选择导出的 vCard（.vcf）文件</translation>
    </message>
    <message>
        <source>{f} holds no contact cards (BEGIN:VCARD); is it a vCard (.vcf) file?</source>
        <translation>{f} 中没有联系人名片（BEGIN:VCARD）；它是 vCard（.vcf）文件吗？</translation>
    </message>
    <message>
        <source>the text is neither UTF-8 nor GB18030 (GBK)</source>
        <translation>文本既不是 UTF-8 编码，也不是 GB18030（GBK）编码</translation>
    </message>
    <message>
        <source>the card is cut off (no END:VCARD)</source>
        <translation>名片不完整（缺少 END:VCARD）</translation>
    </message>
    <message>
        <source>line {n} cannot be read</source>
        <translation>第 {n} 行无法读取</translation>
    </message>
    <message>
        <source>no name (FN or N)</source>
        <translation>没有姓名（FN 或 N）</translation>
    </message>
    <message>
        <source>no name</source>
        <translation>没有姓名</translation>
    </message>
    <message>
        <source>company (ORG)</source>
        <translation>公司（ORG）</translation>
    </message>
    <message>
        <source>company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>birthday &apos;{v}&apos; is not a date (YYYY-MM-DD or --MMDD)</source>
        <translation>生日“{v}”不是日期（YYYY-MM-DD 或 --MMDD）</translation>
    </message>
    <message>
        <source>birthday {v}: {p}</source>
        <translation>生日 {v}：{p}</translation>
    </message>
    <message>
        <source>birthday {v}: the year must be from 1900 to this year</source>
        <translation>生日 {v}：年份须在 1900 年到今年之间</translation>
    </message>
    <message>
        <source>no company (ORG); choose an account for such contacts</source>
        <translation>没有公司（ORG）；请为这类联系人选择一个客户</translation>
    </message>
    <message>
        <source>no company; choose an account for such contacts</source>
        <translation>没有公司；请为这类联系人选择一个客户</translation>
    </message>
    <message>
        <source>{n} is already at {a}</source>
        <translation>{n}已是{a}的联系人</translation>
    </message>
    <message>
        <source>the phone number of {n} ({a})</source>
        <translation>与{n}（{a}）的电话号码相同</translation>
    </message>
    <message>
        <source>the same person as {c}</source>
        <translation>与{c}是同一个人</translation>
    </message>
    <message>
        <source>{c} could be any of: {a}</source>
        <translation>“{c}”可能是以下任一客户：{a}</translation>
    </message>
    <message>
        <source>no account with id {i}</source>
        <translation>没有编号为 {i} 的客户</translation>
    </message>
    <message>
        <source>no contact with id {i}</source>
        <translation>没有编号为 {i} 的联系人</translation>
    </message>
    <message>
        <source>an account name or id is required</source>
        <translation>请输入客户名称或编号</translation>
    </message>
    <message>
        <source>several accounts are named {n} (ids {i})</source>
        <translation>有多个客户名为“{n}”（编号 {i}）</translation>
    </message>
    <message>
        <source>no account named {n}</source>
        <translation>没有名为“{n}”的客户</translation>
    </message>
    <message>
        <source>an account needs a name</source>
        <translation>客户必须有名称</translation>
    </message>
    <message>
        <source>an account named {n} already exists</source>
        <translation>已有名为“{n}”的客户</translation>
    </message>
    <message>
        <source>cannot be negative</source>
        <translation>不能为负数</translation>
    </message>
    <message>
        <source>say why this is a key account</source>
        <translation>请说明列为重点客户的理由</translation>
    </message>
    <message>
        <source>another account is now named {n}</source>
        <translation>另一个客户现在已名为“{n}”</translation>
    </message>
    <message>
        <source>the agenda covers 1 to {n} days</source>
        <translation>日程可查看 1 到 {n} 天</translation>
    </message>
    <message>
        <source>{contact}&apos;s {member}</source>
        <translation>{contact}的{member}</translation>
    </message>
    <message>
        <source>{n} years</source>
        <translation>满 {n} 年</translation>
    </message>
    <message>
        <source>{who} {kind} ({day})</source>
        <translation>{who}{kind}（{day}）</translation>
    </message>
    <message>
        <source>founding day</source>
        <translation>成立纪念日</translation>
    </message>
    <message>
        <source>anniversary</source>
        <translation>纪念日</translation>
    </message>
    <message>
        <source>{who} {kind}</source>
        <translation>{who}{kind}</translation>
    </message>
    <message>
        <source>lunar leap {m:02d}-{d:02d}</source>
        <translation>农历闰{m:02d}-{d:02d}</translation>
    </message>
    <message>
        <source>lunar {m:02d}-{d:02d}</source>
        <translation>农历{m:02d}-{d:02d}</translation>
    </message>
    <message>
        <source>no leap month {m} in lunar {y}: on ordinary month {m}</source>
        <translation>农历 {y} 年没有闰{m}月：按平{m}月计</translation>
    </message>
    <message>
        <source>lunar month {m} has 29 days in {y}: day 30 → 29</source>
        <translation>农历 {y} 年 {m} 月只有 29 天：三十改为二十九</translation>
    </message>
    <message>
        <source>no 29 February in {y}: on 28 February</source>
        <translation>{y} 年没有 2 月 29 日：改在 2 月 28 日</translation>
    </message>
    <message>
        <source>contract renewal: {a}</source>
        <translation>合同续约：{a}</translation>
    </message>
    <message>
        <source>issue due: {a}</source>
        <translation>客户问题到期：{a}</translation>
    </message>
    <message>
        <source>a value is required</source>
        <translation>此项必填</translation>
    </message>
    <message>
        <source>text expected</source>
        <translation>应为文字</translation>
    </message>
    <message>
        <source>at most {n} characters</source>
        <translation>最多 {n} 个字符</translation>
    </message>
    <message>
        <source>&apos;{v}&apos; is not one of: {a}</source>
        <translation>“{v}”不在可选范围内：{a}</translation>
    </message>
    <message>
        <source>&apos;{v}&apos; is not yes or no</source>
        <translation>“{v}”不是“是”或“否”</translation>
    </message>
    <message>
        <source>a whole number expected</source>
        <translation>应为整数</translation>
    </message>
    <message>
        <source>&apos;{v}&apos; is not a whole number</source>
        <translation>“{v}”不是整数</translation>
    </message>
    <message>
        <source>&apos;{v}&apos; is not a real date (YYYY-MM-DD)</source>
        <translation>“{v}”不是有效日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>&apos;{v}&apos; is not a real date and time (YYYY-MM-DD HH:MM)</source>
        <translation>“{v}”不是有效的日期时间（YYYY-MM-DD HH:MM）</translation>
    </message>
    <message>
        <source>several contacts are named {n}; use an id: {w}</source>
        <translation>有多位联系人名为“{n}”，请使用编号：{w}</translation>
    </message>
    <message>
        <source>no contact named {n}</source>
        <translation>没有名为“{n}”的联系人</translation>
    </message>
    <message>
        <source>a contact needs a name</source>
        <translation>联系人必须有姓名</translation>
    </message>
    <message>
        <source>a contact belongs to an account</source>
        <translation>联系人必须属于某个客户</translation>
    </message>
    <message>
        <source>relationship strength is 1 to 5</source>
        <translation>关系强度为 1 到 5</translation>
    </message>
    <message>
        <source>restore the account of {n} first</source>
        <translation>请先恢复{n}所在的客户</translation>
    </message>
    <message>
        <source>{n} works at another account</source>
        <translation>{n}在另一个客户公司任职</translation>
    </message>
    <message>
        <source>reporting lines would go round in a circle</source>
        <translation>汇报关系会形成循环</translation>
    </message>
    <message>
        <source>choose 1 to {n} accounts</source>
        <translation>请选择 1 到 {n} 个客户</translation>
    </message>
    <message>
        <source>sample data goes into a new archive without a passphrase</source>
        <translation>示例数据只能载入未设置口令的新档案库</translation>
    </message>
    <message>
        <source>the archive already holds {n} accounts; sample data goes into an empty archive (use --db to make a new one)</source>
        <translation>档案库中已有 {n} 个客户；示例数据只能放入空档案库（可用 --db 新建一个）</translation>
    </message>
    <message>
        <source>making sample data stopped unexpectedly</source>
        <translation>生成示例数据意外中止</translation>
    </message>
    <message>
        <source>making sample data failed: {e}</source>
        <translation>生成示例数据失败：{e}</translation>
    </message>
    <message>
        <source>say which account or contact this is for</source>
        <translation>请指明对应的客户或联系人</translation>
    </message>
    <message>
        <source>restore the account first</source>
        <translation>请先恢复该客户</translation>
    </message>
    <message>
        <source>restore the contact first</source>
        <translation>请先恢复该联系人</translation>
    </message>
    <message>
        <source>say what is liked or disliked</source>
        <translation>请说明喜欢或不喜欢什么</translation>
    </message>
    <message>
        <source>choose a category</source>
        <translation>请选择类别</translation>
    </message>
    <message>
        <source>choose what kind of day this is</source>
        <translation>请选择纪念日类型</translation>
    </message>
    <message>
        <source>a family member&apos;s day belongs to a contact</source>
        <translation>家庭成员的纪念日必须属于某位联系人</translation>
    </message>
    <message>
        <source>month and day are required</source>
        <translation>月和日必填</translation>
    </message>
    <message>
        <source>only lunar dates have leap months</source>
        <translation>只有农历日期才有闰月</translation>
    </message>
    <message>
        <source>the year must be 1900 or later, not future</source>
        <translation>年份须在 1900 年及以后，且不能是未来</translation>
    </message>
    <message>
        <source>remind 0 to 90 days ahead</source>
        <translation>提前提醒天数为 0 到 90</translation>
    </message>
    <message>
        <source>{y} has no 29 February</source>
        <translation>{y} 年没有 2 月 29 日</translation>
    </message>
    <message>
        <source>month {m} has only {n} days</source>
        <translation>{m} 月只有 {n} 天</translation>
    </message>
    <message>
        <source>{i} is not a contact of this account</source>
        <translation>{i} 不是该客户的联系人</translation>
    </message>
    <message>
        <source>say when the visit was</source>
        <translation>请说明拜访时间</translation>
    </message>
    <message>
        <source>satisfaction is 1 to 5</source>
        <translation>满意度为 1 到 5</translation>
    </message>
    <message>
        <source>describe the problem</source>
        <translation>请描述问题</translation>
    </message>
    <message>
        <source>due before it was raised</source>
        <translation>截止日期早于提出日期</translation>
    </message>
    <message>
        <source>resolved before it was raised</source>
        <translation>解决日期早于提出日期</translation>
    </message>
    <message>
        <source>a year from 1990 to next year</source>
        <translation>年份应在 1990 年到明年之间</translation>
    </message>
    <message>
        <source>a tier is A, B or C (or auto), not &apos;{t}&apos;</source>
        <translation>等级应为 A、B、C（或 auto 自动），而不是“{t}”</translation>
    </message>
    <message>
        <source>say why this account&apos;s tier is set by hand</source>
        <translation>请说明手动设定该客户等级的理由</translation>
    </message>
    <message>
        <source>set to {t} by hand: {r} (computed: {c})</source>
        <translation>手动设为 {t}类：{r}（计算结果：{c}）</translation>
    </message>
    <message>
        <source>no greetings for {o}; choose one of: {k}</source>
        <translation>没有适用于“{o}”的问候语；请从以下选择：{k}</translation>
    </message>
    <message>
        <source>say what the greeting is for</source>
        <translation>请说明问候的场合</translation>
    </message>
    <message>
        <source>say how it was sent</source>
        <translation>请说明发送渠道</translation>
    </message>
    <message>
        <source>say when it was sent</source>
        <translation>请说明发送日期</translation>
    </message>
    <message>
        <source>the same text was sent to {n} on {d}</source>
        <translation>{d} 已给{n}发过相同的内容</translation>
    </message>
    <message>
        <source>{n} already had a {o} greeting on {d}</source>
        <translation>{d} 已给{n}发过 {o} 问候</translation>
    </message>
    <message>
        <source>{n} of the cards have problems; nothing was imported (fix them, or skip the cards with problems)</source>
        <translation>有 {n} 张名片存在问题，未导入任何内容（请修正这些问题，或跳过有问题的名片）</translation>
    </message>
    <message>
        <source>{y}</source>
        <translation>{y}年</translation>
    </message>
    <message>
        <source>quarter must be 1 to 4</source>
        <translation>季度应为 1 到 4</translation>
    </message>
    <message>
        <source>Tier {t}: a visit every {n} days ({k} a year)</source>
        <translation>{t}类：每 {n} 天拜访一次（每年 {k} 次）</translation>
    </message>
    <message>
        <source>Tier {t}: an executive visit every {n} days ({k} a year)</source>
        <translation>{t}类：每 {n} 天高层拜访一次（每年 {k} 次）</translation>
    </message>
    <message>
        <source>Tier {t}: an on-site maintenance visit every {n} days ({k} a year)</source>
        <translation>{t}类：每 {n} 天上门维护一次（每年 {k} 次）</translation>
    </message>
    <message>
        <source>Tier {t}: {k} satisfaction surveys a year</source>
        <translation>{t}类：每年 {k} 次满意度调查</translation>
    </message>
    <message>
        <source>Tier {t}: {k} review meetings a year</source>
        <translation>{t}类：每年 {k} 次回顾会议</translation>
    </message>
    <message>
        <source>Greetings on every contact&apos;s anniversaries and at 春节, 端午 and 中秋</source>
        <translation>在每位联系人的纪念日以及春节、端午和中秋致以问候</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Executive visit</source>
        <translation>高层拜访</translation>
    </message>
    <message>
        <source>Maintenance visit (on site)</source>
        <translation>上门维护</translation>
    </message>
    <message>
        <source>Satisfaction survey</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <source>Review meeting</source>
        <translation>回顾会议</translation>
    </message>
    <message>
        <source>Greeting: {who}, {what}</source>
        <translation>问候：{who}，{what}</translation>
    </message>
    <message>
        <source>{f} greetings</source>
        <translation>{f}问候</translation>
    </message>
    <message>
        <source> to {names}</source>
        <translation>（致{names}）</translation>
    </message>
    <message>
        <source>maintenance</source>
        <translation>上门维护</translation>
    </message>
    <message>
        <source>greeting</source>
        <translation>问候</translation>
    </message>
    <message>
        <source>festival</source>
        <translation>节日问候</translation>
    </message>
    <message>
        <source>survey</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <source>review</source>
        <translation>回顾会议</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>已错过</translation>
    </message>
    <message>
        <source>due now</source>
        <translation>当前应办</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>{y} is not over yet; its points can be earned from 1 January {n}</source>
        <translation>{y} 年尚未结束；该年的积分从 {n} 年 1 月 1 日起才能计入</translation>
    </message>
    <message>
        <source>{a} has no revenue recorded for {y}</source>
        <translation>{a}没有 {y} 年的营收记录</translation>
    </message>
    <message>
        <source>revenue {y}: {r:,} yuan</source>
        <translation>{y} 年营收：{r:,} 元</translation>
    </message>
    <message>
        <source>redeem at least 1 point</source>
        <translation>至少兑换 1 积分</translation>
    </message>
    <message>
        <source>say what the points were used for</source>
        <translation>请说明积分的用途</translation>
    </message>
    <message>
        <source>{a} has only {b} points</source>
        <translation>{a}只有 {b} 积分</translation>
    </message>
    <message>
        <source>points earned {d} expired</source>
        <translation>{d} 获得的积分已过期</translation>
    </message>
    <message>
        <source>say on which day</source>
        <translation>请说明日期</translation>
    </message>
    <message>
        <source>choose earned, redeemed, expired or adjusted</source>
        <translation>请选择获得、兑换、过期或调整</translation>
    </message>
    <message>
        <source>a number of points other than 0</source>
        <translation>积分数不能为 0</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>正数</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>负数</translation>
    </message>
    <message>
        <source>{k} points are {s}</source>
        <translation>“{k}”类积分应为{s}</translation>
    </message>
    <message>
        <source>the format is one of: {f}</source>
        <translation>格式只能是以下之一：{f}</translation>
    </message>
    <message>
        <source>name at least one account</source>
        <translation>请至少指定一个客户</translation>
    </message>
    <message>
        <source>shareable</source>
        <translation>可分享版本</translation>
    </message>
    <message>
        <source>dossier</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>服务计划</translation>
    </message>
    <message>
        <source>there is nothing to print</source>
        <translation>没有可打印的内容</translation>
    </message>
    <message>
        <source>cannot make the folder {p}: {e}</source>
        <translation>无法创建文件夹 {p}：{e}</translation>
    </message>
    <message>
        <source>{p} does not end in {s}; name a {s} file or a folder</source>
        <translation>{p} 不以 {s} 结尾；请指定一个 {s} 文件或一个文件夹</translation>
    </message>
    <message>
        <source>several Word documents go into a folder, not into {p}</source>
        <translation>多份 Word 文档须写入文件夹，不能写入 {p}</translation>
    </message>
    <message>
        <source>more than one {noun} has an id starting with {k}</source>
        <translation>有不止一条记录（{noun}）的编号以 {k} 开头</translation>
    </message>
    <message>
        <source>no {noun} with id {k}</source>
        <translation>没有编号为 {k} 的记录（{noun}）</translation>
    </message>
    <message>
        <source>not a field of a {n}</source>
        <translation>不是 {n} 记录的字段</translation>
    </message>
    <message>
        <source>the archive is locked: unlock it with your passphrase first</source>
        <translation>档案库已锁定：请先用口令解锁</translation>
    </message>
    <message>
        <source>no headquarters key is registered; register it first (kamdesk keys --register)</source>
        <translation>尚未登记总部的密钥；请先登记（kamdesk keys --register）</translation>
    </message>
    <message>
        <source>headquarters</source>
        <translation>总部</translation>
    </message>
    <message>
        <source>{a} must not be above {b}</source>
        <translation>{a} 不能大于 {b}</translation>
    </message>
    <message>
        <source>visit due</source>
        <translation>应拜访</translation>
    </message>
    <message>
        <source>executive visit due</source>
        <translation>应高层拜访</translation>
    </message>
    <message>
        <source>maintenance visit due</source>
        <translation>应上门维护</translation>
    </message>
    <message>
        <source>tier {t}</source>
        <translation>{t}类</translation>
    </message>
    <message>
        <source>{n} days overdue</source>
        <translation>已逾期 {n} 天</translation>
    </message>
    <message>
        <source>{n} stale keys</source>
        <translation>{n} 条过期索引</translation>
    </message>
    <message>
        <source>start of the day</source>
        <translation>每日例行</translation>
    </message>
    <message>
        <source>made by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>there is no archive at {p}</source>
        <translation>{p} 处没有档案库</translation>
    </message>
    <message>
        <source>a backup cannot be written over the archive itself</source>
        <translation>备份不能覆盖档案库本身</translation>
    </message>
    <message>
        <source>the copy of {p} fails SQLite&apos;s integrity check ({e}); no backup was kept. The archive itself may be damaged: run `kamdesk check`</source>
        <translation>{p} 的副本未通过 SQLite 完整性检查（{e}）；未保留备份。档案库本身可能已损坏：请运行 `kamdesk check`</translation>
    </message>
    <message>
        <source>{p} is not a kamdesk archive</source>
        <translation>{p} 不是 kamdesk 档案库</translation>
    </message>
    <message>
        <source>{p} is busy in another program; try again in a moment</source>
        <translation>{p} 正被其他程序占用；请稍后再试</translation>
    </message>
    <message>
        <source>could not back up {p}: {e}</source>
        <translation>无法备份 {p}：{e}</translation>
    </message>
    <message>
        <source>{p} cannot be read as an archive ({e}); run `kamdesk check`</source>
        <translation>无法将 {p} 作为档案库读取（{e}）；请运行 `kamdesk check`</translation>
    </message>
    <message>
        <source>{p} is the archive itself, not a backup of it</source>
        <translation>{p} 是档案库本身，而不是它的备份</translation>
    </message>
    <message>
        <source>there is no backup at {p}</source>
        <translation>{p} 处没有备份</translation>
    </message>
    <message>
        <source>{p} cannot be read as a kamdesk archive ({e})</source>
        <translation>无法将 {p} 作为 kamdesk 档案库读取（{e}）</translation>
    </message>
    <message>
        <source>{p} was written by a newer kamdesk (schema {r}); update kamdesk first</source>
        <translation>{p} 由更新版本的 kamdesk 写入（数据结构版本 {r}）；请先升级 kamdesk</translation>
    </message>
    <message>
        <source>{p} fails SQLite&apos;s integrity check ({e}); nothing was restored</source>
        <translation>{p} 未通过 SQLite 完整性检查（{e}）；未恢复任何内容</translation>
    </message>
    <message>
        <source>{p} is still open in another program; close it there first</source>
        <translation>{p} 仍在其他程序中打开；请先在那边关闭</translation>
    </message>
    <message>
        <source>cannot write in {f}: {e}</source>
        <translation>无法在 {f} 中写入：{e}</translation>
    </message>
    <message>
        <source>the disk holding {f} is full, so {p} was not restored; free some space and try again</source>
        <translation>{f} 所在的磁盘已满，未能恢复 {p}；请腾出空间后重试</translation>
    </message>
    <message>
        <source>the disk holding {f} is full, so {p} was not backed up; free some space (or remove old backups) and try again</source>
        <translation>{f} 所在的磁盘已满，未能备份 {p}；请腾出空间（或删除旧备份）后重试</translation>
    </message>
    <message>
        <source>{p} is a SQLite file but not a kamdesk archive</source>
        <translation>{p} 是 SQLite 文件，但不是 kamdesk 档案库</translation>
    </message>
    <message>
        <source>{p} is not a kamdesk archive ({e})</source>
        <translation>{p} 不是 kamdesk 档案库（{e}）</translation>
    </message>
    <message>
        <source>{p} is a folder, not an archive file</source>
        <translation>{p} 是文件夹，不是档案库文件</translation>
    </message>
    <message>
        <source>{p} was written by a newer kamdesk (schema {r}); update kamdesk</source>
        <translation>{p} 由更新版本的 kamdesk 写入（数据结构版本 {r}）；请升级 kamdesk</translation>
    </message>
    <message>
        <source>this archive was opened read-only</source>
        <translation>此档案库以只读方式打开</translation>
    </message>
    <message>
        <source>the disk holding {f} is full, so this change was not saved and the archive is as it was; free some space and try again</source>
        <translation>{f} 所在的磁盘已满，此次更改未保存，档案库保持原样；请腾出空间后重试</translation>
    </message>
    <message>
        <source>{p} is open for writing in another kamdesk; close it there first</source>
        <translation>{p} 正被另一个 kamdesk 写入；请先在那边关闭</translation>
    </message>
    <message>
        <source>the archive has no installation id; run `kamdesk check`</source>
        <translation>档案库缺少安装编号；请运行 `kamdesk check`</translation>
    </message>
    <message>
        <source>this archive is already protected; change its passphrase instead</source>
        <translation>此档案库已受保护；如需调整请更改口令</translation>
    </message>
    <message>
        <source>the passphrase needs at least {n} characters</source>
        <translation>口令至少需要 {n} 个字符</translation>
    </message>
    <message>
        <source>the passphrase is too easy to guess; use several different characters</source>
        <translation>口令太容易被猜到；请使用多种不同的字符</translation>
    </message>
    <message>
        <source>the archive&apos;s protection record is damaged or from a newer kamdesk</source>
        <translation>档案库的保护记录已损坏，或来自更新版本的 kamdesk</translation>
    </message>
    <message>
        <source>wrong passphrase</source>
        <translation>口令错误</translation>
    </message>
    <message>
        <source>this archive has no recovery copy of its key: the passphrase cannot be reset</source>
        <translation>此档案库没有密钥的恢复副本：无法重置口令</translation>
    </message>
    <message>
        <source>that key file does not hold the recovery key of this archive</source>
        <translation>该密钥文件中没有此档案库的恢复密钥</translation>
    </message>
    <message>
        <source>that key does not belong to this archive</source>
        <translation>该密钥不属于此档案库</translation>
    </message>
    <message>
        <source>a protected field is damaged and cannot be read</source>
        <translation>有受保护的字段已损坏，无法读取</translation>
    </message>
    <message>
        <source>an installation id is 1 to 64 letters, digits, dots, dashes or underscores, not &apos;{v}&apos;</source>
        <translation>安装编号应由 1 到 64 个字母、数字、点、短横线或下划线组成，而不是“{v}”</translation>
    </message>
    <message>
        <source>an installation name is one line of at most {n} characters</source>
        <translation>安装实例名称只能是一行，最多 {n} 个字符</translation>
    </message>
    <message>
        <source>the {what} key is not valid</source>
        <translation>{what} 密钥无效</translation>
    </message>
    <message>
        <source>the fingerprint in the key file does not match its keys; it was altered</source>
        <translation>密钥文件中的指纹与其中的密钥不符；该文件已被改动</translation>
    </message>
    <message>
        <source>the key file is empty</source>
        <translation>密钥文件是空的</translation>
    </message>
    <message>
        <source>this is an installation&apos;s secret key, which must never leave its computer; ask for the public key file instead</source>
        <translation>这是安装实例的私钥，绝不能离开它所在的电脑；请改为索取公钥文件</translation>
    </message>
    <message>
        <source>this is not a kamdesk key file (its first line should be &apos;{h} {v}&apos;)</source>
        <translation>这不是 kamdesk 密钥文件（第一行应为“{h} {v}”）</translation>
    </message>
    <message>
        <source>this key file was made by a newer kamdesk (version {v}); update kamdesk first</source>
        <translation>此密钥文件由更新版本的 kamdesk 生成（版本 {v}）；请先升级 kamdesk</translation>
    </message>
    <message>
        <source>line {n} of the key file is not of the form &apos;field: value&apos;</source>
        <translation>密钥文件第 {n} 行不是 &apos;field: value&apos; 格式</translation>
    </message>
    <message>
        <source>the key file has the field &apos;{f}&apos; twice</source>
        <translation>密钥文件中“{f}”字段出现了两次</translation>
    </message>
    <message>
        <source>the key file has no &apos;{f}&apos; line</source>
        <translation>密钥文件中缺少“{f}”行</translation>
    </message>
    <message>
        <source>
… and {n} more</source>
        <translation>
……另有 {n} 条</translation>
    </message>
    <message>
        <source>the package has {n} invalid records; nothing was imported:
{list}{more}</source>
        <translation>数据包中有 {n} 条无效记录，未导入任何内容：
{list}{more}</translation>
    </message>
    <message>
        <source>record {n}</source>
        <translation>第 {n} 条记录</translation>
    </message>
    <message>
        <source>{w}: unknown kind of record {t!r}</source>
        <translation>{w}：未知的记录类型 {t!r}</translation>
    </message>
    <message>
        <source>{w}: {v!r} is not a record id</source>
        <translation>{w}：{v!r} 不是记录编号</translation>
    </message>
    <message>
        <source>{w}: the same record appears twice</source>
        <translation>{w}：同一条记录出现了两次</translation>
    </message>
    <message>
        <source>{w}: values or stamps missing</source>
        <translation>{w}：缺少字段值或变更时间戳</translation>
    </message>
    <message>
        <source>{w}: {v!r} is not a change stamp</source>
        <translation>{w}：{v!r} 不是变更时间戳</translation>
    </message>
    <message>
        <source>{w}: a change stamp for a field it does not carry</source>
        <translation>{w}：变更时间戳所对应的字段不在该记录中</translation>
    </message>
    <message>
        <source>{w}: unknown field {f!r}</source>
        <translation>{w}：未知字段 {f!r}</translation>
    </message>
    <message>
        <source>{w}: contacts met must be a list of ids</source>
        <translation>{w}：见到的联系人必须是编号列表</translation>
    </message>
    <message>
        <source>a record refers to {t} {i}, which is neither in the package nor here</source>
        <translation>有记录引用了 {t} {i}，但它既不在数据包中，也不在本档案库中</translation>
    </message>
    <message>
        <source>the package would be larger than {n}; export fewer accounts at a time</source>
        <translation>数据包将超过 {n}；请每次少导出一些客户</translation>
    </message>
    <message>
        <source>the package file is larger than {n}; it was refused</source>
        <translation>数据包文件超过 {n}；已拒绝</translation>
    </message>
    <message>
        <source>the package would unpack to more than {n}; it was refused as a possible zip bomb</source>
        <translation>数据包解压后将超过 {n}；可能是 zip 炸弹，已拒绝</translation>
    </message>
    <message>
        <source>the package&apos;s &apos;{f}&apos; claims to grow more than {r} times when unpacked; it was refused as a possible zip bomb</source>
        <translation>数据包中的“{f}”声称解压后会膨胀 {r} 倍以上；可能是 zip 炸弹，已拒绝</translation>
    </message>
    <message>
        <source>the package&apos;s &apos;{f}&apos; is larger than {n}; it was refused</source>
        <translation>数据包中的“{f}”超过 {n}；已拒绝</translation>
    </message>
    <message>
        <source>the package&apos;s &apos;{f}&apos; unpacks to more than it declares; it was refused as a possible zip bomb</source>
        <translation>数据包中的“{f}”解压后超过其声明的大小；可能是 zip 炸弹，已拒绝</translation>
    </message>
    <message>
        <source>a package is never written unencrypted: to send it to headquarters, ask HQ for its public key file (it begins with &apos;kamdesk-public-key&apos;) and choose it as the recipient; for a handover, give a passphrase and tell it to the other manager by phone</source>
        <translation>数据包从不以未加密的形式写出：要发给总部，请向总部索取其公钥文件（以 kamdesk-public-key 开头）并选为接收方；如果是移交，请设置口令并通过电话告知接手的客户经理</translation>
    </message>
    <message>
        <source>the disk is full, so {p} was not written; free some space and export again</source>
        <translation>磁盘已满，未能写入 {p}；请腾出空间后重新导出</translation>
    </message>
    <message>
        <source>cannot write {p}: {e}; nothing was saved under that name</source>
        <translation>无法写入 {p}：{e}；未以该名称保存任何内容</translation>
    </message>
    <message>
        <source>this file is not a kamdesk exchange package</source>
        <translation>此文件不是 kamdesk 交换数据包</translation>
    </message>
    <message>
        <source>the package file is incomplete (cut short, perhaps by an unfinished copy or download); ask the sender for the file again</source>
        <translation>数据包文件不完整（可能因复制或下载未完成而被截断）；请向发送方重新索取文件</translation>
    </message>
    <message>
        <source>the package file is damaged or was altered after it was written; ask the sender for a new copy</source>
        <translation>数据包文件已损坏，或在写出后被改动过；请向发送方索取新的副本</translation>
    </message>
    <message>
        <source>this package was not encrypted for this installation; ask the sender to export it again to this installation&apos;s public key</source>
        <translation>此数据包不是为本安装实例加密的；请发送方用本安装实例的公钥重新导出</translation>
    </message>
    <message>
        <source>this package is protected by a passphrase; enter the passphrase the sender gave you</source>
        <translation>此数据包受口令保护；请输入发送方告诉您的口令</translation>
    </message>
    <message>
        <source>the passphrase is wrong; check it with the sender</source>
        <translation>口令错误；请与发送方核对</translation>
    </message>
    <message>
        <source>this package is locked to an installation&apos;s key, not to a passphrase; open it on the installation it was sent to</source>
        <translation>此数据包是用安装实例的密钥加密的，而不是用口令；请在接收它的安装实例上打开</translation>
    </message>
    <message>
        <source>the package carries no signature, so its sender cannot be confirmed; it was not imported</source>
        <translation>数据包没有签名，无法确认发送方；未予导入</translation>
    </message>
    <message>
        <source>the package&apos;s signature does not match its contents: it was altered or forged; it was not imported</source>
        <translation>数据包的签名与其内容不符：已被改动或伪造；未予导入</translation>
    </message>
    <message>
        <source>the package comes from an installation this archive does not know: {who}, key fingerprint {f}; compare the fingerprint with the sender by phone before trusting it</source>
        <translation>数据包来自本档案库不认识的安装实例：{who}，密钥指纹 {f}；信任之前请通过电话与发送方核对指纹</translation>
    </message>
    <message>
        <source>the package names {who} as its sender but is signed by a different key (fingerprint {f}; the registered key is {r}); do not import it unless that installation really has a new key</source>
        <translation>数据包声称发送方是 {who}，但签名用的是另一把密钥（指纹 {f}；已登记的密钥为 {r}）；除非对方确实换了新密钥，否则请勿导入</translation>
    </message>
    <message>
        <source>this package was made by a newer kamdesk; update kamdesk first, then import it again</source>
        <translation>此数据包由更新版本的 kamdesk 生成；请先升级 kamdesk，再重新导入</translation>
    </message>
    <message>
        <source>the package&apos;s manifest is unreadable or incomplete (at &apos;{k}&apos;)</source>
        <translation>数据包的清单无法读取或不完整（位于“{k}”）</translation>
    </message>
    <message>
        <source>the package&apos;s records do not match the digest in its signed manifest; it was not imported</source>
        <translation>数据包的记录与已签名清单中的摘要不符；未予导入</translation>
    </message>
    <message>
        <source>the package&apos;s manifest announces {d} records of &apos;{t}&apos; but the package holds {n}</source>
        <translation>数据包清单声明有 {d} 条“{t}”记录，但数据包中实际有 {n} 条</translation>
    </message>
    <message>
        <source>line {n} of the package&apos;s records is not valid UTF-8 text</source>
        <translation>数据包记录的第 {n} 行不是有效的 UTF-8 文本</translation>
    </message>
    <message>
        <source>line {n} of the package&apos;s records is not a JSON object</source>
        <translation>数据包记录的第 {n} 行不是 JSON 对象</translation>
    </message>
    <message>
        <source>line {n} of the package&apos;s records has no &apos;table&apos; or no &apos;id&apos;</source>
        <translation>数据包记录的第 {n} 行缺少 &apos;table&apos; 或 &apos;id&apos;</translation>
    </message>
    <message>
        <source>line {n} of the package&apos;s records repeats {t} {i} from line {f}</source>
        <translation>数据包记录的第 {n} 行重复了第 {f} 行的 {t} {i}</translation>
    </message>
    <message>
        <source>the package holds a file with an unsafe name (&apos;{f}&apos;); absolute paths, &apos;..&apos;, backslashes and drive letters are refused</source>
        <translation>数据包中有文件名不安全的文件（“{f}”）；绝对路径、&apos;..&apos;、反斜杠和盘符一律拒绝</translation>
    </message>
    <message>
        <source>the package holds an unexpected file (&apos;{f}&apos;); a package holds only manifest.json, records.jsonl and signature</source>
        <translation>数据包中有不应出现的文件（“{f}”）；数据包只应包含 manifest.json、records.jsonl 和 signature</translation>
    </message>
    <message>
        <source>the package holds &apos;{f}&apos; twice</source>
        <translation>数据包中“{f}”出现了两次</translation>
    </message>
    <message>
        <source>the package holds a symbolic link (&apos;{f}&apos;); links are refused</source>
        <translation>数据包中有符号链接（“{f}”）；链接一律拒绝</translation>
    </message>
    <message>
        <source>the package holds a password-protected zip entry (&apos;{f}&apos;); kamdesk never writes those</source>
        <translation>数据包中有受密码保护的 zip 条目（“{f}”）；kamdesk 从不写出这种条目</translation>
    </message>
    <message>
        <source>the package holds &apos;{f}&apos; compressed in a way kamdesk never writes</source>
        <translation>数据包中的“{f}”使用了 kamdesk 从不使用的压缩方式</translation>
    </message>
    <message>
        <source>the package&apos;s &apos;{f}&apos; is malformed (a broken zip entry); ask the sender to export it again</source>
        <translation>数据包中的“{f}”格式有误（zip 条目已损坏）；请发送方重新导出</translation>
    </message>
    <message>
        <source>no registered installation {i}; register its key first</source>
        <translation>没有已登记的安装实例 {i}；请先登记其密钥</translation>
    </message>
    <message>
        <source>passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>unknown kind of export {k!r}; choose one of: {all}</source>
        <translation>未知的导出类型 {k!r}；请从以下选择：{all}</translation>
    </message>
    <message>
        <source>no headquarters key is registered, so the package cannot be sealed for HQ. Ask headquarters for its public key file (kamdesk-public-key) and register it: kamdesk keys --register HQ.pub --hq</source>
        <translation>尚未登记总部的密钥，因此无法为总部加密数据包。请向总部索取其公钥文件（kamdesk-public-key）并登记：kamdesk keys --register HQ.pub --hq</translation>
    </message>
    <message>
        <source>a handover must be sealed for the manager who takes over: give their public key file, or a passphrase you tell them by phone</source>
        <translation>移交数据包必须为接手的客户经理加密：请提供对方的公钥文件，或设置口令并通过电话告知对方</translation>
    </message>
    <message>
        <source>no conflict with id {i}</source>
        <translation>没有编号为 {i} 的冲突</translation>
    </message>
    <message>
        <source>the record of this conflict is gone</source>
        <translation>此冲突涉及的记录已不存在</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>blank: the company&apos;s day</source>
        <translation>留空：公司的纪念日</translation>
    </message>
    <message>
        <source>Family member</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <source>e.g. 女儿 小雨; blank when it is the person&apos;s own day</source>
        <translation>例如：女儿 小雨；本人的纪念日请留空</translation>
    </message>
    <message>
        <source>Remind days ahead</source>
        <translation>提前提醒天数</translation>
    </message>
    <message>
        <source>0 to 90</source>
        <translation>0 到 90</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>敏感程度</translation>
    </message>
    <message>
        <source>This year: {d}</source>
        <translation>今年：{d}</translation>
    </message>
    <message>
        <source>Solar calendar (公历)</source>
        <translation>公历</translation>
    </message>
    <message>
        <source>Lunar calendar (农历)</source>
        <translation>农历</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>New anniversary…</source>
        <translation>新建纪念日…</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>纪念日类型</translation>
    </message>
    <message>
        <source>Date as written</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年日期</translation>
    </message>
    <message>
        <source>the company</source>
        <translation>公司整体</translation>
    </message>
    <message>
        <source>New anniversary</source>
        <translation>新建纪念日</translation>
    </message>
    <message>
        <source>Edit anniversary</source>
        <translation>编辑纪念日</translation>
    </message>
    <message>
        <source>watch</source>
        <translation>关注</translation>
    </message>
    <message>
        <source>act</source>
        <translation>需行动</translation>
    </message>
    <message>
        <source>act now</source>
        <translation>立即行动</translation>
    </message>
    <message>
        <source>no member level yet</source>
        <translation>尚无会员等级</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Set tier…</source>
        <translation>设定等级…</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>价值</translation>
    </message>
    <message>
        <source>Yearly cost to serve</source>
        <translation>年度服务成本</translation>
    </message>
    <message>
        <source>Potential (yearly)</source>
        <translation>潜力（每年）</translation>
    </message>
    <message>
        <source>Development cost</source>
        <translation>开发成本</translation>
    </message>
    <message>
        <source>Working out tier, value and risk…</source>
        <translation>正在计算等级、价值和风险…</translation>
    </message>
    <message>
        <source>Executive visit due</source>
        <translation>下次高层拜访</translation>
    </message>
    <message>
        <source>On-site visit due</source>
        <translation>下次上门拜访</translation>
    </message>
    <message>
        <source>Risk score</source>
        <translation>风险分</translation>
    </message>
    <message>
        <source>Loyalty points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Member level</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>(nothing recorded yet)</source>
        <translation>（尚无记录）</translation>
    </message>
    <message>
        <source>no reason recorded</source>
        <translation>未记录理由</translation>
    </message>
    <message>
        <source>yes: {r}</source>
        <translation>是：{r}</translation>
    </message>
    <message>
        <source>No yearly figures recorded yet.</source>
        <translation>尚无年度数据。</translation>
    </message>
    <message>
        <source>(set by hand; computed {c})</source>
        <translation>（手动设定；计算结果为 {c}类）</translation>
    </message>
    <message>
        <source>No. {n}</source>
        <translation>第 {n} 名</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>not required</source>
        <translation>无需</translation>
    </message>
    <message>
        <source>No churn signals: nothing the archive shows is worrying.</source>
        <translation>没有流失风险信号：档案中没有值得担心的迹象。</translation>
    </message>
    <message>
        <source>automatic (computed)</source>
        <translation>自动（按计算结果）</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>required when the tier is set by hand</source>
        <translation>手动设定等级时必填</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Back to the previous page (Alt+Left)</source>
        <translation>返回上一页（Alt+←）</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <source>Save dossier as PDF…</source>
        <translation>将客户档案另存为 PDF…</translation>
    </message>
    <message>
        <source>Save dossier as Word…</source>
        <translation>将客户档案另存为 Word…</translation>
    </message>
    <message>
        <source>Shareable copy (leave out sensitive fields)</source>
        <translation>可分享版本（略去敏感字段）</translation>
    </message>
    <message>
        <source>Service plan…</source>
        <translation>服务计划…</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Key account: {r}</source>
        <translation>重点客户：{r}</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>客户问题</translation>
    </message>
    <message>
        <source>Owner: {o}</source>
        <translation>负责人：{o}</translation>
    </message>
    <message>
        <source>This account is no longer in the archive ({e}).</source>
        <translation>档案库中已没有这个客户（{e}）。</translation>
    </message>
    <message>
        <source>Ctrl+Z brings back what was just deleted.</source>
        <translation>按 Ctrl+Z 可恢复刚删除的内容。</translation>
    </message>
    <message>
        <source>Tier {t}</source>
        <translation>{t}类客户</translation>
    </message>
    <message>
        <source>Edit {n}</source>
        <translation>编辑“{n}”</translation>
    </message>
    <message>
        <source>Set the tier of {n}</source>
        <translation>设定“{n}”的等级</translation>
    </message>
    <message>
        <source>New contact {n}</source>
        <translation>新建联系人“{n}”</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>新建联系人</translation>
    </message>
    <message>
        <source>New contact…</source>
        <translation>新建联系人…</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>New preference…</source>
        <translation>新建喜好…</translation>
    </message>
    <message>
        <source>Likes / dislikes</source>
        <translation>喜欢 / 不喜欢</translation>
    </message>
    <message>
        <source>dislikes / avoid</source>
        <translation>不喜欢 / 需避免</translation>
    </message>
    <message>
        <source>New preference</source>
        <translation>新建喜好</translation>
    </message>
    <message>
        <source>Edit preference {v}</source>
        <translation>编辑喜好“{v}”</translation>
    </message>
    <message>
        <source>resolved {n} days after it was raised</source>
        <translation>提出后 {n} 天解决</translation>
    </message>
    <message>
        <source>open for {n} days</source>
        <translation>已持续 {n} 天未解决</translation>
    </message>
    <message>
        <source>New issue…</source>
        <translation>新建客户问题…</translation>
    </message>
    <message>
        <source>past due</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>the issue “{d}”</source>
        <translation>客户问题“{d}”</translation>
    </message>
    <message>
        <source>New issue</source>
        <translation>新建客户问题</translation>
    </message>
    <message>
        <source>Edit issue</source>
        <translation>编辑客户问题</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete {what}? (Ctrl+Z brings it back)</source>
        <translation>确定删除 {what} 吗？（Ctrl+Z 可恢复）</translation>
    </message>
    <message>
        <source>Delete {what}</source>
        <translation>删除 {what}</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>The account has no contacts yet.</source>
        <translation>该客户还没有联系人。</translation>
    </message>
    <message>
        <source>New visit…</source>
        <translation>新建拜访…</translation>
    </message>
    <message>
        <source>Follow up on</source>
        <translation>跟进日期</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>the visit of {d}</source>
        <translation>{d} 的拜访</translation>
    </message>
    <message>
        <source>New visit</source>
        <translation>新建拜访</translation>
    </message>
    <message>
        <source>Edit visit</source>
        <translation>编辑拜访</translation>
    </message>
    <message>
        <source>Search: name, pinyin, initials or phone (Ctrl+F)</source>
        <translation>搜索：名称、拼音、首字母或电话（Ctrl+F）</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Overdue visits</source>
        <translation>拜访已逾期</translation>
    </message>
    <message>
        <source>New account…</source>
        <translation>新建客户…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Dossiers or service plans of many accounts (Ctrl+P)</source>
        <translation>批量打印多个客户的客户档案或服务计划（Ctrl+P）</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>全部地区</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>全部负责人</translation>
    </message>
    <message>
        <source>{n} accounts</source>
        <translation>{n} 个客户</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Delete account</source>
        <translation>删除客户</translation>
    </message>
    <message>
        <source>Delete {name} with its contacts, visits and issues? (Ctrl+Z brings it back)</source>
        <translation>删除“{name}”及其联系人、拜访记录和客户问题吗？（Ctrl+Z 可恢复）</translation>
    </message>
    <message>
        <source>Delete {n}</source>
        <translation>删除“{n}”</translation>
    </message>
    <message>
        <source>Festivals</source>
        <translation>节日</translation>
    </message>
    <message>
        <source>Contract renewals</source>
        <translation>合同续约</translation>
    </message>
    <message>
        <source>Follow-ups due</source>
        <translation>待跟进</translation>
    </message>
    <message>
        <source>Visits due</source>
        <translation>应拜访</translation>
    </message>
    <message>
        <source>Issues due</source>
        <translation>客户问题到期</translation>
    </message>
    <message>
        <source>lunar {m}{d}</source>
        <translation>农历{m}{d}</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>明天</translation>
    </message>
    <message>
        <source>in {n} days</source>
        <translation>{n} 天后</translation>
    </message>
    <message>
        <source>{n} days ago</source>
        <translation>{n} 天前</translation>
    </message>
    <message>
        <source>Log greeting…</source>
        <translation>记录问候…</translation>
    </message>
    <message>
        <source>Log visit…</source>
        <translation>记录拜访…</translation>
    </message>
    <message>
        <source>Open account</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <source>Log visit: {a}</source>
        <translation>记录拜访：{a}</translation>
    </message>
    <message>
        <source>New visit — {what}</source>
        <translation>新建拜访 — {what}</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>{kind} ({n}, {late} overdue)</source>
        <translation>{kind}（{n} 项，{late} 项已逾期）</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>kamdesk is already open on {p}; that window has been brought to the front.</source>
        <translation>kamdesk 已在打开 {p}，已将那个窗口切换到前台。</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Backups in {f}. Restoring replaces the archive with the chosen backup; the archive as it is now is backed up first, so a restore can itself be undone.</source>
        <translation>备份位于 {f}。恢复会用所选备份替换档案库；档案库的当前状态会先备份，因此恢复操作本身也可以撤销。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>There are no backups yet.</source>
        <translation>还没有备份。</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>The archive was backed up to
{p}</source>
        <translation>档案库已备份到
{p}</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Reading the backups…</source>
        <translation>正在读取备份…</translation>
    </message>
    <message>
        <source>Replace the archive with the backup of {t} ({r})? Changes made since then are no longer in the archive; the archive as it is now is backed up first.</source>
        <translation>要用 {t} 的备份（{r}）替换档案库吗？此后所做的更改将不再保留在档案库中；档案库的当前状态会先备份。</translation>
    </message>
    <message>
        <source>The archive is back as it was on {t}.</source>
        <translation>档案库已恢复到 {t} 时的状态。</translation>
    </message>
    <message>
        <source>The state before the restore is kept as the backup {n}.</source>
        <translation>恢复前的状态已保存为备份 {n}。</translation>
    </message>
    <message>
        <source>Close kamdesk and start it again.</source>
        <translation>请关闭 kamdesk 后重新启动。</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
    <message>
        <source>Export calendar (.ics)…</source>
        <translation>导出日历（.ics）…</translation>
    </message>
    <message>
        <source>Anniversaries (lunar ones as dated events) and planned follow-ups, for Outlook, Google Calendar or a phone; exporting again updates the same events.</source>
        <translation>导出纪念日（农历纪念日换算为具体日期）和计划中的跟进，可导入 Outlook、Google 日历或手机；再次导出会更新同一批日程，不会重复。</translation>
    </message>
    <message>
        <source> years</source>
        <translation> 年</translation>
    </message>
    <message>
        <source>Lunar days move every year: how many years of them to write</source>
        <translation>农历日期每年对应的公历日期都不同：要换算并写入多少年</translation>
    </message>
    <message>
        <source>Include family members&apos; names</source>
        <translation>包含家庭成员的姓名</translation>
    </message>
    <message>
        <source>Lunar dates for</source>
        <translation>农历日期换算</translation>
    </message>
    <message>
        <source>Export calendar</source>
        <translation>导出日历</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar 文件 (*.ics)</translation>
    </message>
    <message>
        <source>Writing the calendar…</source>
        <translation>正在写入日历…</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>Reading the agenda…</source>
        <translation>正在读取日程…</translation>
    </message>
    <message>
        <source>The agenda could not be read: {e}</source>
        <translation>无法读取日程：{e}</translation>
    </message>
    <message>
        <source>Nothing on this day.</source>
        <translation>这一天没有安排。</translation>
    </message>
    <message>
        <source>lunar birthday</source>
        <translation>农历生日</translation>
    </message>
    <message>
        <source>Sensitive: left out of shared dossiers and HQ exports</source>
        <translation>敏感信息：不会出现在共享的客户档案和总部导出中</translation>
    </message>
    <message>
        <source>Personal detail</source>
        <translation>个人信息</translation>
    </message>
    <message>
        <source>Open the account</source>
        <translation>打开所属客户</translation>
    </message>
    <message>
        <source>Works at</source>
        <translation>任职于</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>发送日期</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>This contact is no longer in the archive ({e}).</source>
        <translation>档案库中已没有这位联系人（{e}）。</translation>
    </message>
    <message>
        <source>Greetings ({n})</source>
        <translation>问候（{n}）</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>全部职级</translation>
    </message>
    <message>
        <source>{n} contacts</source>
        <translation>{n} 位联系人</translation>
    </message>
    <message>
        <source>The file could not be used: {e}</source>
        <translation>无法使用该文件：{e}</translation>
    </message>
    <message>
        <source>Something went wrong inside kamdesk; nothing was half-saved. ({e})</source>
        <translation>kamdesk 内部出错，没有保存不完整的数据。（{e}）</translation>
    </message>
    <message>
        <source>Export contacts (vCard)</source>
        <translation>导出联系人（vCard）</translation>
    </message>
    <message>
        <source>Every account</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>Only {a}</source>
        <translation>仅“{a}”</translation>
    </message>
    <message>
        <source>Include the fields labelled sensitive (family, children, health, income)</source>
        <translation>包含标为敏感的字段（家庭、子女、健康、收入）</translation>
    </message>
    <message>
        <source>A vCard 3.0 file (UTF-8) for phones, Outlook and other address books: name, company and department, title, phones, e-mails, WeChat ID, solar birthday and note.</source>
        <translation>vCard 3.0 文件（UTF-8），可导入手机、Outlook 及其他通讯录：包含姓名、公司和部门、职务、电话、电子邮件、微信号、公历生日和备注。</translation>
    </message>
    <message>
        <source>Contacts of</source>
        <translation>客户范围</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Writing {p}…</source>
        <translation>正在写入 {p}…</translation>
    </message>
    <message>
        <source>Export Excel report</source>
        <translation>导出 Excel 报表</translation>
    </message>
    <message>
        <source>One workbook for people who do not run kamdesk: accounts, tiers, the visits of the period, open issues and plan fulfilment. No sensitive field is in it.</source>
        <translation>一个工作簿，供不使用 kamdesk 的人查看：客户、等级、本期拜访、未解决的客户问题和计划完成情况。其中不含任何敏感字段。</translation>
    </message>
    <message>
        <source>kamdesk-report</source>
        <translation>kamdesk-报表</translation>
    </message>
    <message>
        <source>Saved {p}</source>
        <translation>已保存 {p}</translation>
    </message>
    <message>
        <source>Writing the report for {p}…</source>
        <translation>正在生成 {p} 的报表…</translation>
    </message>
    <message>
        <source>Exchange packages (*.kamx)</source>
        <translation>交换数据包 (*.kamx)</translation>
    </message>
    <message>
        <source>Key files (*.pub *.txt);;All files (*)</source>
        <translation>密钥文件 (*.pub *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Discard the changes you made?</source>
        <translation>放弃所做的更改吗？</translation>
    </message>
    <message>
        <source>Log greeting</source>
        <translation>记录问候</translation>
    </message>
    <message>
        <source>Find a contact: name, pinyin, initials or phone</source>
        <translation>查找联系人：姓名、拼音、首字母或电话</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>To</source>
        <translation>发给</translation>
    </message>
    <message>
        <source>There is no suggested text for this occasion: write your own.</source>
        <translation>这个场合没有推荐的问候语，请自己撰写。</translation>
    </message>
    <message>
        <source>Choose who the greeting went to.</source>
        <translation>请选择问候发给了谁。</translation>
    </message>
    <message>
        <source>Write the text that was sent.</source>
        <translation>请填写发送的内容。</translation>
    </message>
    <message>
        <source>Greeting to {n}</source>
        <translation>给{n}的问候</translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation>导入联系人</translation>
    </message>
    <message>
        <source>Contacts (*.vcf *.vcard *.csv *.txt);;vCard files (*.vcf *.vcard);;CSV files (*.csv *.txt);;All files (*)</source>
        <translation>联系人 (*.vcf *.vcard *.csv *.txt);;vCard 文件 (*.vcf *.vcard);;CSV 文件 (*.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading {f}…</source>
        <translation>正在读取 {f}…</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>名片</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>{a} (new)</source>
        <translation>{a}（新建）</translation>
    </message>
    <message>
        <source>new contact</source>
        <translation>新联系人</translation>
    </message>
    <message>
        <source>duplicate, skipped</source>
        <translation>重复，已跳过</translation>
    </message>
    <message>
        <source>problem</source>
        <translation>有问题</translation>
    </message>
    <message>
        <source>birthday {m}-{d}</source>
        <translation>生日 {m}-{d}</translation>
    </message>
    <message>
        <source>birthday {y}-{m}-{d}</source>
        <translation>生日 {y}-{m}-{d}</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Imported as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>Import contacts from {f}</source>
        <translation>从 {f} 导入联系人</translation>
    </message>
    <message>
        <source>an account&apos;s name or short name, or a new name</source>
        <translation>客户名称或简称，或一个新名称</translation>
    </message>
    <message>
        <source>Account for contacts without a company:</source>
        <translation>没有公司的联系人归入客户：</translation>
    </message>
    <message>
        <source>Skip the rows with problems and import the others</source>
        <translation>跳过有问题的行，导入其余的</translation>
    </message>
    <message>
        <source>Skip the cards with problems and import the others</source>
        <translation>跳过有问题的名片，导入其余的</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Columns of the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>{rows} rows. Accounts: {new_accounts} new, {old_accounts} existing. Contacts: {new} new, {dup} duplicates skipped. Problems: {bad}.</source>
        <translation>共 {rows} 行。客户：新增 {new_accounts} 个，已有 {old_accounts} 个。联系人：新增 {new} 位，跳过重复 {dup} 位。问题：{bad} 个。</translation>
    </message>
    <message>
        <source>{cards} cards. Accounts: {new_accounts} new, {old_accounts} existing. Contacts: {new} new, {dup} duplicates skipped. Problems: {bad}.</source>
        <translation>共 {cards} 张名片。客户：新增 {new_accounts} 个，已有 {old_accounts} 个。联系人：新增 {new} 位，跳过重复 {dup} 位。问题：{bad} 个。</translation>
    </message>
    <message>
        <source>Reading the rows again…</source>
        <translation>正在重新读取各行…</translation>
    </message>
    <message>
        <source>Reading the rows again with the columns as now chosen…</source>
        <translation>正在按当前选择的列重新读取各行…</translation>
    </message>
    <message>
        <source>Nothing is imported while rows have problems: correct them in the file or in the columns above, or skip them.</source>
        <translation>有行存在问题时不会导入任何内容：请在文件中或上方的列设置中修正，或跳过这些行。</translation>
    </message>
    <message>
        <source>Nothing is imported while cards have problems: correct them in the file, or skip them.</source>
        <translation>有名片存在问题时不会导入任何内容：请在文件中修正，或跳过这些名片。</translation>
    </message>
    <message>
        <source>There is nothing new to import.</source>
        <translation>没有可导入的新内容。</translation>
    </message>
    <message>
        <source>Importing contacts…</source>
        <translation>正在导入联系人…</translation>
    </message>
    <message>
        <source>Imported {contacts} contacts and {accounts} new accounts; {dup} duplicates skipped (Ctrl+Z undoes the import)</source>
        <translation>已导入 {contacts} 位联系人和 {accounts} 个新客户；跳过重复 {dup} 位（Ctrl+Z 可撤销本次导入）</translation>
    </message>
    <message>
        <source>Import {n} contacts</source>
        <translation>导入 {n} 位联系人</translation>
    </message>
    <message>
        <source>year unknown</source>
        <translation>年份不详</translation>
    </message>
    <message>
        <source>The year it began (a birth year, a wedding year), if known</source>
        <translation>起始年份（出生年、结婚年等），如果知道的话</translation>
    </message>
    <message>
        <source>{y} has a leap {m}</source>
        <translation>{y} 年有闰{m}</translation>
    </message>
    <message>
        <source>a leap month: only some years have it</source>
        <translation>闰月：只有部分年份才有</translation>
    </message>
    <message>
        <source>kamdesk — {path}</source>
        <translation>kamdesk — {path}</translation>
    </message>
    <message>
        <source>Opening {path}…</source>
        <translation>正在打开 {path}…</translation>
    </message>
    <message>
        <source>Archive {path}</source>
        <translation>档案库 {path}</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Import contacts (vCard, CSV)…</source>
        <translation>导入联系人（vCard、CSV）(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export contacts (vCard)…</source>
        <translation>导出联系人（vCard）(&amp;E)…</translation>
    </message>
    <message>
        <source>Export &amp;Excel report…</source>
        <translation>导出 Excel 报表(&amp;E)…</translation>
    </message>
    <message>
        <source>Load &amp;sample data</source>
        <translation>载入示例数据(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Back &amp;up now</source>
        <translation>立即备份(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Protect with a passphrase…</source>
        <translation>设置口令保护(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>返回(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About kamdesk</source>
        <translation>关于 kamdesk(&amp;A)</translation>
    </message>
    <message>
        <source>Tiers could not be recomputed: {e}</source>
        <translation>无法重新计算客户等级：{e}</translation>
    </message>
    <message>
        <source>Sample data</source>
        <translation>示例数据</translation>
    </message>
    <message>
        <source>Sample data goes into an empty archive only.</source>
        <translation>示例数据只能放入空档案库。</translation>
    </message>
    <message>
        <source>Loading sample data…</source>
        <translation>正在载入示例数据…</translation>
    </message>
    <message>
        <source>An empty archive</source>
        <translation>空档案库</translation>
    </message>
    <message>
        <source>This archive has no accounts yet. Load sample data to look around, import the contacts of your phone (a vCard file), or start with your own customers (File → New, Ctrl+N).</source>
        <translation>此档案库还没有客户。可以载入示例数据先熟悉一下，导入手机通讯录（vCard 文件），或直接录入自己的客户（文件 → 新建，Ctrl+N）。</translation>
    </message>
    <message>
        <source>Load sample data</source>
        <translation>载入示例数据</translation>
    </message>
    <message>
        <source>Import contacts…</source>
        <translation>导入联系人…</translation>
    </message>
    <message>
        <source>Start empty</source>
        <translation>从空白开始</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The new language is used from the next start of kamdesk.</source>
        <translation>新语言将在下次启动 kamdesk 时生效。</translation>
    </message>
    <message>
        <source>About kamdesk</source>
        <translation>关于 kamdesk</translation>
    </message>
    <message>
        <source>kamdesk {v}
Archive: {p}
Schema version: {s}
Log: {log}</source>
        <translation>kamdesk {v}
档案库：{p}
数据结构版本：{s}
日志：{log}</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>重点</translation>
    </message>
    <message>
        <source>Not ranked yet</source>
        <translation>尚未评级</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Print preview: {t}</source>
        <translation>打印预览：{t}</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>正在准备预览…</translation>
    </message>
    <message>
        <source>Save as Word</source>
        <translation>另存为 Word</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>Whole year</source>
        <translation>全年</translation>
    </message>
    <message>
        <source>Quarter {q}</source>
        <translation>第 {q} 季度</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出方式</translation>
    </message>
    <message>
        <source>Print accounts</source>
        <translation>打印客户资料</translation>
    </message>
    <message>
        <source>Customer dossiers</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <source>Service plans</source>
        <translation>服务计划</translation>
    </message>
    <message>
        <source>The selected account</source>
        <translation>选中的客户</translation>
    </message>
    <message>
        <source>Every account in the list as filtered</source>
        <translation>列表中筛选出的全部客户</translation>
    </message>
    <message>
        <source>Accounts with a visit planned next week, {a} – {b} ({n})</source>
        <translation>下周（{a} – {b}）计划拜访的客户（{n} 个）</translation>
    </message>
    <message>
        <source>One combined PDF</source>
        <translation>合并为一个 PDF 文件</translation>
    </message>
    <message>
        <source>A folder of PDF files</source>
        <translation>多个 PDF 文件（存入文件夹）</translation>
    </message>
    <message>
        <source>A folder of Word files</source>
        <translation>多个 Word 文件（存入文件夹）</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <source>No accounts to print: choose other accounts.</source>
        <translation>没有可打印的客户：请选择其他客户。</translation>
    </message>
    <message>
        <source>plans</source>
        <translation>服务计划</translation>
    </message>
    <message>
        <source>dossiers</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <source>Choose a folder for the files</source>
        <translation>选择存放文件的文件夹</translation>
    </message>
    <message>
        <source>{n} documents written to {p}</source>
        <translation>已将 {n} 份文档写入 {p}</translation>
    </message>
    <message>
        <source>Printing {n} accounts…</source>
        <translation>正在打印 {n} 个客户…</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>公司名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Our owner</source>
        <translation>我方负责人</translation>
    </message>
    <message>
        <source>Executive sponsor</source>
        <translation>高层负责人</translation>
    </message>
    <message>
        <source>Contract renewal</source>
        <translation>合同续约日期</translation>
    </message>
    <message>
        <source>Billing cycle</source>
        <translation>结算周期</translation>
    </message>
    <message>
        <source>Why a key account</source>
        <translation>列为重点客户的理由</translation>
    </message>
    <message>
        <source>Our products in use</source>
        <translation>在用的我方产品</translation>
    </message>
    <message>
        <source>Attitude to us</source>
        <translation>对我方的态度</translation>
    </message>
    <message>
        <source>Relationship strength</source>
        <translation>关系强度</translation>
    </message>
    <message>
        <source>1 = barely know each other, 5 = trusted</source>
        <translation>1 = 几乎不认识，5 = 深度信任</translation>
    </message>
    <message>
        <source>Our person for them</source>
        <translation>我方对接人</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>separate with commas</source>
        <translation>多个请用逗号分隔</translation>
    </message>
    <message>
        <source>E-mails</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Preferred channel</source>
        <translation>偏好的联系方式</translation>
    </message>
    <message>
        <source>Best time to reach</source>
        <translation>方便联系的时间</translation>
    </message>
    <message>
        <source>Likes it (unticked: dislikes / avoid)</source>
        <translation>喜欢（不勾选：不喜欢 / 需避免）</translation>
    </message>
    <message>
        <source>Learned on</source>
        <translation>了解日期</translation>
    </message>
    <message>
        <source>Needs learned</source>
        <translation>了解到的需求</translation>
    </message>
    <message>
        <source>Customer satisfaction</source>
        <translation>客户满意度</translation>
    </message>
    <message>
        <source>Our participants</source>
        <translation>我方参与人</translation>
    </message>
    <message>
        <source>Raised by</source>
        <translation>提出人</translation>
    </message>
    <message>
        <source>Resolved on</source>
        <translation>解决日期</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>解决方案</translation>
    </message>
    <message>
        <source>Confirmed by the customer</source>
        <translation>客户已确认</translation>
    </message>
    <message>
        <source>Level: {v}</source>
        <translation>职级：{v}</translation>
    </message>
    <message>
        <source>Attitude: {v}</source>
        <translation>态度：{v}</translation>
    </message>
    <message>
        <source>Relationship strength: {v}</source>
        <translation>关系强度：{v}</translation>
    </message>
    <message>
        <source>Our person: {v}</source>
        <translation>我方对接人：{v}</translation>
    </message>
    <message>
        <source>Click to open</source>
        <translation>点击打开</translation>
    </message>
    <message>
        <source>Pareto: gross profit {y} by account</source>
        <translation>帕累托分析：{y} 年各客户毛利</translation>
    </message>
    <message>
        <source>Accounts by rank</source>
        <translation>按排名排列的客户</translation>
    </message>
    <message>
        <source>A up to {p}</source>
        <translation>A类：至 {p}</translation>
    </message>
    <message>
        <source>B up to {p}</source>
        <translation>B类：至 {p}</translation>
    </message>
    <message>
        <source>No accounts yet.</source>
        <translation>还没有客户。</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Cumulative</source>
        <translation>累计</translation>
    </message>
    <message>
        <source>Pareto tier</source>
        <translation>帕累托等级</translation>
    </message>
    <message>
        <source>Tier in use (* by hand)</source>
        <translation>当前等级（* 为手动设定）</translation>
    </message>
    <message>
        <source>Tiers: share of accounts and of gross profit {y}</source>
        <translation>等级：客户数占比与 {y} 年毛利占比</translation>
    </message>
    <message>
        <source>Visits against the cadence plan, {y}</source>
        <translation>{y} 年拜访与拜访节奏计划对比</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Visits logged</source>
        <translation>已记录拜访</translation>
    </message>
    <message>
        <source>Plan by tier cadence</source>
        <translation>按等级拜访节奏的计划</translation>
    </message>
    <message>
        <source>Of plan</source>
        <translation>完成率</translation>
    </message>
    <message>
        <source>Tier {t}: visits / plan</source>
        <translation>{t}类：拜访 / 计划</translation>
    </message>
    <message>
        <source> (to date)</source>
        <translation>（截至目前）</translation>
    </message>
    <message>
        <source>Days from raised to resolved, issues resolved in {y}</source>
        <translation>{y} 年已解决客户问题：从提出到解决的天数</translation>
    </message>
    <message>
        <source>Month resolved</source>
        <translation>解决月份</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>平均值</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Median days</source>
        <translation>中位天数</translation>
    </message>
    <message>
        <source>Mean days</source>
        <translation>平均天数</translation>
    </message>
    <message>
        <source>Open now</source>
        <translation>当前未解决</translation>
    </message>
    <message>
        <source>Pareto</source>
        <translation>帕累托</translation>
    </message>
    <message>
        <source>Visits vs plan</source>
        <translation>拜访与计划</translation>
    </message>
    <message>
        <source>Issue resolution</source>
        <translation>问题解决</translation>
    </message>
    <message>
        <source>Gross profit of</source>
        <translation>毛利年份</translation>
    </message>
    <message>
        <source>Visits and issues in</source>
        <translation>拜访与问题年份</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Accounts ranked by gross profit of {y}; total {t}. An account is A while the accounts above it make less than {a} of the total, B up to {b}, else C.</source>
        <translation>按 {y} 年毛利对客户排名；毛利合计 {t}。排在前面的客户合计不足总额 {a} 时为 A类，不足 {b} 时为 B类，其余为 C类。</translation>
    </message>
    <message>
        <source>Tiers in use: a tier set by hand counts where it was set.</source>
        <translation>当前等级：手动设定的等级按设定值计入。</translation>
    </message>
    <message>
        <source>Plan: each account calls for (days in the month ÷ days between visits of its tier) visits; tiers by the gross profit of {y}. Every entry of the visit log counts.</source>
        <translation>计划：每个客户每月应拜访（当月天数 ÷ 其等级的拜访间隔天数）次；等级按 {y} 年毛利确定。拜访记录中的每一条都计入。</translation>
    </message>
    <message>
        <source>Issues open or in progress now: {n}</source>
        <translation>当前待处理或处理中的客户问题：{n} 个</translation>
    </message>
    <message>
        <source>The reports could not be computed: {e}</source>
        <translation>无法计算报表：{e}</translation>
    </message>
    <message>
        <source>If you forget it, {h} can reset it with headquarters&apos; key.</source>
        <translation>如果忘记口令，{h} 可以用总部的密钥重置。</translation>
    </message>
    <message>
        <source>No headquarters key is registered: if you forget the passphrase, the protected details cannot be recovered by anyone.</source>
        <translation>尚未登记总部的密钥：如果忘记口令，任何人都无法恢复受保护的信息。</translation>
    </message>
    <message>
        <source>The archive is locked</source>
        <translation>档案库已锁定</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>Family, health and income details and preferences are protected. Type your passphrase to go on.</source>
        <translation>家庭、健康、收入信息和喜好已受保护。请输入口令以继续。</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>当前口令</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>新口令</translation>
    </message>
    <message>
        <source>Once more</source>
        <translation>再输入一次</translation>
    </message>
    <message>
        <source>type the current passphrase</source>
        <translation>请输入当前口令</translation>
    </message>
    <message>
        <source>the two passphrases differ</source>
        <translation>两次输入的口令不一致</translation>
    </message>
    <message>
        <source>Protect with a passphrase</source>
        <translation>设置口令保护</translation>
    </message>
    <message>
        <source>Family, children, health and income details, family members&apos; names and preferences will be sealed on this computer, in its backups and in the log: nobody who finds the laptop can read them. kamdesk asks for the passphrase when it starts and after {n} idle minutes.</source>
        <translation>家庭、子女、健康和收入信息、家庭成员姓名及喜好将在本机、备份和日志中加密：即使笔记本电脑被他人拿到也无法读取。kamdesk 在启动时以及空闲 {n} 分钟后会要求输入口令。</translation>
    </message>
    <message>
        <source>The sensitive details are now protected by your passphrase.</source>
        <translation>敏感信息现已受您的口令保护。</translation>
    </message>
    <message>
        <source>Sealing sensitive details…</source>
        <translation>正在加密敏感信息…</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>更改口令</translation>
    </message>
    <message>
        <source>The protected details stay as they are; only the passphrase that opens them changes.</source>
        <translation>受保护的信息保持不变；只更改用于打开它们的口令。</translation>
    </message>
    <message>
        <source>The passphrase is changed.</source>
        <translation>口令已更改。</translation>
    </message>
    <message>
        <source>Protection of sensitive details</source>
        <translation>敏感信息保护</translation>
    </message>
    <message>
        <source>Protect with a passphrase…</source>
        <translation>设置口令保护…</translation>
    </message>
    <message>
        <source>Change passphrase…</source>
        <translation>更改口令…</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>立即锁定</translation>
    </message>
    <message>
        <source>only when kamdesk closes</source>
        <translation>仅在关闭 kamdesk 时</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Lock after idle</source>
        <translation>空闲后锁定</translation>
    </message>
    <message>
        <source>Protected by a passphrase.</source>
        <translation>已设置口令保护。</translation>
    </message>
    <message>
        <source>Not protected: anyone with this file can read the sensitive details.</source>
        <translation>未受保护：任何拿到此文件的人都能读取敏感信息。</translation>
    </message>
    <message>
        <source>Sensitive details (family, health, income) are stored unprotected on this computer.</source>
        <translation>敏感信息（家庭、健康、收入）在本机上未受保护。</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>以后再说</translation>
    </message>
    <message>
        <source>Greetings</source>
        <translation>问候</translation>
    </message>
    <message>
        <source>Yearly figures</source>
        <translation>年度数据</translation>
    </message>
    <message>
        <source>Points entries</source>
        <translation>积分记录</translation>
    </message>
    <message>
        <source>To headquarters</source>
        <translation>发给总部</translation>
    </message>
    <message>
        <source>Handover</source>
        <translation>移交</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>From headquarters</source>
        <translation>来自总部</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>not deleted</source>
        <translation>未删除</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Register a key</source>
        <translation>登记密钥</translation>
    </message>
    <message>
        <source>This is headquarters&apos; key</source>
        <translation>这是总部的密钥</translation>
    </message>
    <message>
        <source>Installation id</source>
        <translation>安装编号</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <source>Compare the fingerprint with its owner by phone: the same 32 characters mean the key is really theirs.</source>
        <translation>请通过电话与密钥持有人核对指纹：32 个字符完全一致，才说明密钥确实是对方的。</translation>
    </message>
    <message>
        <source>{who} is already registered with a different key (fingerprint {old}). Replace it only if they told you they have a new one.</source>
        <translation>{who} 已用另一把密钥登记（指纹 {old}）。只有在对方告诉您已换了新密钥时才替换。</translation>
    </message>
    <message>
        <source>Replace the key</source>
        <translation>替换密钥</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Register a key file</source>
        <translation>登记密钥文件</translation>
    </message>
    <message>
        <source>it is not text</source>
        <translation>它不是文本文件</translation>
    </message>
    <message>
        <source>{p} is not a kamdesk key file: {e}</source>
        <translation>{p} 不是 kamdesk 密钥文件：{e}</translation>
    </message>
    <message>
        <source>Trust packages signed by this key, and let exports be sealed to it?</source>
        <translation>信任用此密钥签名的数据包，并允许导出时为其加密吗？</translation>
    </message>
    <message>
        <source>Save my key file</source>
        <translation>保存我的密钥文件</translation>
    </message>
    <message>
        <source>Saved {p}; fingerprint {f}</source>
        <translation>已保存 {p}；指纹 {f}</translation>
    </message>
    <message>
        <source>Search accounts</source>
        <translation>搜索客户</translation>
    </message>
    <message>
        <source>{n} of {total} shown; search to find the others</source>
        <translation>共 {total} 个，显示了 {n} 个；其余的请搜索查找</translation>
    </message>
    <message>
        <source>Export a package</source>
        <translation>导出数据包</translation>
    </message>
    <message>
        <source>Handover to another manager</source>
        <translation>移交给其他客户经理</translation>
    </message>
    <message>
        <source>The selected account: {a}</source>
        <translation>选中的客户：{a}</translation>
    </message>
    <message>
        <source>Chosen accounts</source>
        <translation>勾选的客户</translation>
    </message>
    <message>
        <source>The whole archive</source>
        <translation>整个档案库</translation>
    </message>
    <message>
        <source>at least {n} characters</source>
        <translation>至少 {n} 个字符</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>In the package</source>
        <translation>纳入数据包</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>略去</translation>
    </message>
    <message>
        <source>Sealed for</source>
        <translation>加密对象</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>再次输入口令</translation>
    </message>
    <message>
        <source>Tick the accounts to hand over.</source>
        <translation>请勾选要移交的客户。</translation>
    </message>
    <message>
        <source>The passphrase needs at least {n} characters.</source>
        <translation>口令至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <source>This installation&apos;s own key</source>
        <translation>本安装实例自己的密钥</translation>
    </message>
    <message>
        <source>HQ</source>
        <translation>总部</translation>
    </message>
    <message>
        <source>A passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>Nothing has changed since the last package to headquarters.</source>
        <translation>自上次发给总部的数据包以来没有任何更改。</translation>
    </message>
    <message>
        <source>{n} records in all.</source>
        <translation>共 {n} 条记录。</translation>
    </message>
    <message>
        <source>No headquarters key is registered: register HQ&apos;s key file to seal packages for headquarters alone.</source>
        <translation>尚未登记总部的密钥：请登记总部的密钥文件，这样数据包就能只为总部加密。</translation>
    </message>
    <message>
        <source>Anyone with the passphrase can open it.</source>
        <translation>知道口令的人都能打开它。</translation>
    </message>
    <message>
        <source>this installation</source>
        <translation>本安装实例</translation>
    </message>
    <message>
        <source>It can be opened by: {who}.</source>
        <translation>可以打开它的有：{who}。</translation>
    </message>
    <message>
        <source>Wrote {p}: {n} records</source>
        <translation>已写入 {p}：{n} 条记录</translation>
    </message>
    <message>
        <source>Import {f}</source>
        <translation>导入 {f}</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来自</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>{t} (UTC)</source>
        <translation>{t}（UTC）</translation>
    </message>
    <message>
        <source>Already applied: this package was imported before. Importing it again would change nothing.</source>
        <translation>已导入过：此数据包之前已导入。再次导入不会有任何更改。</translation>
    </message>
    <message>
        <source>{new} new, {changed} changed, {deleted} deleted, {c} conflicts.</source>
        <translation>新增 {new}，更改 {changed}，删除 {deleted}，冲突 {c}。</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>更改</translation>
    </message>
    <message>
        <source>Where a field was changed on both sides, the later edit is kept and the other value is listed under Conflicts for you to decide.</source>
        <translation>如果某个字段双方都改过，将保留较晚的修改，另一方的值会列在“冲突”下，由您决定。</translation>
    </message>
    <message>
        <source>Nothing has been written yet.</source>
        <translation>目前尚未写入任何内容。</translation>
    </message>
    <message>
        <source>Checking {f}…</source>
        <translation>正在检查 {f}…</translation>
    </message>
    <message>
        <source>Trust this sender and go on?</source>
        <translation>信任此发送方并继续吗？</translation>
    </message>
    <message>
        <source>Importing {f}…</source>
        <translation>正在导入 {f}…</translation>
    </message>
    <message>
        <source>Imported {f}: {new} new, {changed} changed, {c} conflicts</source>
        <translation>已导入 {f}：新增 {new}，更改 {changed}，冲突 {c}</translation>
    </message>
    <message>
        <source>Import a package</source>
        <translation>导入数据包</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Kept value</source>
        <translation>保留的值</translation>
    </message>
    <message>
        <source>Other value</source>
        <translation>另一方的值</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <source>{new} new, {changed} changed, {deleted} deleted, {c} conflicts</source>
        <translation>新增 {new}，更改 {changed}，删除 {deleted}，冲突 {c}</translation>
    </message>
    <message>
        <source>{n} records</source>
        <translation>{n} 条记录</translation>
    </message>
    <message>
        <source>package {i}, number {n}</source>
        <translation>数据包 {i}，序号 {n}</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>发出</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到</translation>
    </message>
    <message>
        <source>Created (UTC)</source>
        <translation>创建时间（UTC）</translation>
    </message>
    <message>
        <source>Handled (UTC)</source>
        <translation>处理时间（UTC）</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>档案库</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>交换</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>This archive</source>
        <translation>本档案库</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Schema version</source>
        <translation>数据结构版本</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>Deleted (restorable)</source>
        <translation>已删除（可恢复）</translation>
    </message>
    <message>
        <source>What it holds</source>
        <translation>包含的内容</translation>
    </message>
    <message>
        <source>Calendar file</source>
        <translation>日历文件</translation>
    </message>
    <message>
        <source>This installation</source>
        <translation>本安装实例</translation>
    </message>
    <message>
        <source>e.g. 王经理 — the name others see on your packages</source>
        <translation>例如：王经理 —— 他人在您的数据包上看到的名称</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save my key file…</source>
        <translation>保存我的密钥文件…</translation>
    </message>
    <message>
        <source>Send this file to headquarters or a colleague so they can seal packages for you and check yours; read them the fingerprint by phone.</source>
        <translation>把此文件发给总部或同事，对方就能为您加密数据包，并验证您发出的数据包；请通过电话把指纹念给对方核对。</translation>
    </message>
    <message>
        <source>Known installations</source>
        <translation>已知的安装实例</translation>
    </message>
    <message>
        <source>Register a key file…</source>
        <translation>登记密钥文件…</translation>
    </message>
    <message>
        <source>Packages</source>
        <translation>数据包</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>A package is a signed, encrypted file (.kamx) for headquarters, for the manager who takes over an account, or as a backup. Importing one shows what it would change before anything is written.</source>
        <translation>数据包是一个已签名、已加密的文件（.kamx），用于发给总部、交给接手客户的客户经理，或用作备份。导入时会先显示将要做的更改，然后才写入任何内容。</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Keep the value the archive has now</source>
        <translation>保留档案库中的当前值</translation>
    </message>
    <message>
        <source>Take the other</source>
        <translation>采用另一方的值</translation>
    </message>
    <message>
        <source>Put the other value back (it travels in the next package)</source>
        <translation>改回另一方的值（会随下一个数据包发出）</translation>
    </message>
    <message>
        <source>No package has been sent or received yet.</source>
        <translation>尚未发送或接收过数据包。</translation>
    </message>
    <message>
        <source>no changes yet</source>
        <translation>尚无更改</translation>
    </message>
    <message>
        <source>Fields changed on both sides since they last agreed. The later edit was kept; keep it, or take the other value.</source>
        <translation>以下字段自上次一致以来双方都改过。已保留较晚的修改；您可以保留它，或采用另一方的值。</translation>
    </message>
    <message>
        <source>No conflicts.</source>
        <translation>没有冲突。</translation>
    </message>
    <message>
        <source>Conflicts ({n})</source>
        <translation>冲突（{n}）</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>How many days ahead the list looks</source>
        <translation>列表向后查看的天数</translation>
    </message>
    <message>
        <source>Look ahead</source>
        <translation>查看未来</translation>
    </message>
    <message>
        <source>Today, {d}</source>
        <translation>今天，{d}</translation>
    </message>
    <message>
        <source>Your archive has no customers yet. Add your first account on the Accounts page (Ctrl+N), or load sample data from the File menu: birthdays, follow-ups, visits due and open issues will then show up here.</source>
        <translation>您的档案库还没有客户。可以在“客户”页新建第一个客户（Ctrl+N），或从“文件”菜单载入示例数据：之后生日、跟进、应拜访事项和未解决的客户问题都会显示在这里。</translation>
    </message>
    <message>
        <source>Nothing on the agenda for the next {n} days.</source>
        <translation>未来 {n} 天没有日程。</translation>
    </message>
    <message>
        <source>{n} things in the next {d} days</source>
        <translation>未来 {d} 天有 {n} 项</translation>
    </message>
    <message>
        <source>{n} overdue</source>
        <translation>{n} 项已逾期</translation>
    </message>
    <message>
        <source>not enough disk space to back up {p}; nothing was written</source>
        <translation type="vanished">磁盘空间不足，无法备份 {p}；未写入任何内容</translation>
    </message>
    <message>
        <source>could not write {f}: {e}</source>
        <translation type="vanished">无法写入 {f}：{e}</translation>
    </message>
    <message>
        <source>kamdesk {v}
Archive: {p}
Schema version: {s}</source>
        <translation type="vanished">kamdesk {v}
档案库：{p}
数据结构版本：{s}</translation>
    </message>
    <message>
        <source>bring back</source>
        <translation type="vanished">恢复</translation>
    </message>
    <message>
        <source>bring records in from other programs</source>
        <translation type="vanished">从其他程序导入记录</translation>
    </message>
    <message>
        <source>contacts from a vCard (.vcf) file, e.g. a phone&apos;s address book</source>
        <translation type="vanished">从 vCard（.vcf）文件导入联系人，例如手机通讯录</translation>
    </message>
    <message>
        <source>Import contacts from a vCard file. ORG names the account (an existing one by name or short name, else a new one); contacts already in the archive are skipped.</source>
        <translation type="vanished">从 vCard 文件导入联系人。ORG 字段指明所属客户（按名称或简称匹配已有客户，找不到则新建）；档案库中已有的联系人会跳过。</translation>
    </message>
    <message>
        <source>account for contacts without a company (ORG); created if it does not exist</source>
        <translation type="vanished">没有公司（ORG）的联系人归入的客户；不存在时会新建</translation>
    </message>
    <message>
        <source>import the good cards, skip those with problems</source>
        <translation type="vanished">导入没有问题的名片，跳过有问题的</translation>
    </message>
    <message>
        <source>{n} of the cards have problems; nothing was imported (fix them, or --skip-bad)</source>
        <translation type="vanished">有 {n} 张名片存在问题，未导入任何内容（请修正这些问题，或使用 --skip-bad）</translation>
    </message>
    <message>
        <source>vCard files (*.vcf *.vcard);;All files (*)</source>
        <translation type="vanished">vCard 文件 (*.vcf *.vcard);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;Import contacts (vCard)…</source>
        <translation type="vanished">导入联系人（vCard）(&amp;I)…</translation>
    </message>
    <message>
        <source>Exchange packages for headquarters (sending your archive&apos;s changes and receiving theirs) are not available in this version: nothing is sent or received from here.</source>
        <translation type="vanished">与总部交换数据包（发送本档案库的更改并接收总部的更改）在此版本中尚不可用：这里不会发送或接收任何内容。</translation>
    </message>
    <message>
        <source>This archive has no accounts yet. Load sample data to look around, or start with your own customers (File → New, Ctrl+N).</source>
        <translation type="vanished">此档案库还没有客户。可以载入示例数据先熟悉一下，也可以直接录入自己的客户（文件 → 新建，Ctrl+N）。</translation>
    </message>
    <message>
        <source>New…</source>
        <translation type="vanished">新建…</translation>
    </message>
</context>
</TS>
