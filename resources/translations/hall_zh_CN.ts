<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccessLogPage</name>
    <message>
        <location filename="../../ui/screen/access_log.py" line="34" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/screen/access_log.py" line="34" />
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../ui/screen/access_log.py" line="34" />
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <location filename="../../ui/screen/access_log.py" line="34" />
        <source>On</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../ui/screen/access_log.py" line="34" />
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../ui/screen/access_log.py" line="41" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/screen/access_log.py" line="69" />
        <source>Only an admin reads the access log.</source>
        <translation>只有管理员可以查看访问记录。</translation>
    </message>
    <message>
        <location filename="../../ui/screen/access_log.py" line="71" />
        <source>The access log cannot be loaded: {0}</source>
        <translation>无法加载访问记录：{0}</translation>
    </message>
</context>
<context>
    <name>AdminTab</name>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="63" />
        <source>Staff</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="64" />
        <source>Windows</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="65" />
        <source>Categories</source>
        <translation>业务类别</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="66" />
        <source>Items</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="67" />
        <source>Terminals</source>
        <translation>终端</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="80" />
        <location filename="../../ui/screen/admin_tab.py" line="90" />
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="80" />
        <location filename="../../ui/screen/admin_tab.py" line="91" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="80" />
        <location filename="../../ui/screen/admin_tab.py" line="92" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="80" />
        <location filename="../../ui/screen/admin_tab.py" line="110" />
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="80" />
        <location filename="../../ui/screen/admin_tab.py" line="110" />
        <location filename="../../ui/screen/admin_tab.py" line="125" />
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="80" />
        <location filename="../../ui/screen/admin_tab.py" line="94" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="80" />
        <source>ID card</source>
        <translation>身份证</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="85" />
        <source>Clerk</source>
        <translation>窗口人员</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="85" />
        <source>Hall manager</source>
        <translation>大厅主任</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="85" />
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="93" />
        <source>Window (0: none)</source>
        <translation>窗口（0：无）</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="95" />
        <source>ID number of the clerk's own card</source>
        <translation>本人身份证号码</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="98" />
        <source>Add</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="99" />
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="100" />
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="101" />
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="102" />
        <source>Register ID card</source>
        <translation>登记身份证</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="110" />
        <source>Categories in order</source>
        <translation>办理类别（按顺序）</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="110" />
        <source>A post</source>
        <translation>A岗</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="110" />
        <source>B post</source>
        <translation>B岗</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="110" />
        <location filename="../../ui/screen/admin_tab.py" line="125" />
        <location filename="../../ui/screen/admin_tab.py" line="166" />
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="115" />
        <source>Categories in order (e.g. A,J)</source>
        <translation>办理类别（按顺序，如 A,J）</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="116" />
        <source>A post (username)</source>
        <translation>A岗（用户名）</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="117" />
        <source>B post (username)</source>
        <translation>B岗（用户名）</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="119" />
        <source>Save window</source>
        <translation>保存窗口</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="125" />
        <source>Prefix</source>
        <translation>前缀</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="125" />
        <source>Opening hours</source>
        <translation>取号时间</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="125" />
        <source>Daily quota</source>
        <translation>每日限额</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="125" />
        <source>Cut-off (minutes)</source>
        <translation>截止提前（分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="133" />
        <source>Opening hours (empty: no limit)</source>
        <translation>取号时间（留空：不限）</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="134" />
        <source>Daily quota (0: none)</source>
        <translation>每日限额（0：不限）</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="135" />
        <source>Cut-off before closing (minutes)</source>
        <translation>闭馆前停止取号（分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="137" />
        <source>Save category</source>
        <translation>保存类别</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="145" />
        <source>Item code</source>
        <translation>事项编码</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="146" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="149" />
        <source>Suspend</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="150" />
        <source>Cancel the item</source>
        <translation>取消事项</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="151" />
        <source>Back in use</source>
        <translation>恢复在用</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="155" />
        <source>Check a workbook…</source>
        <translation>检查工作簿…</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="156" />
        <source>Import a workbook…</source>
        <translation>导入工作簿…</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="166" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="166" />
        <source>Last seen</source>
        <translation>最近在线</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="166" />
        <source>Terminal status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="169" />
        <source>Enrollment code shown on the terminal</source>
        <translation>终端屏幕上显示的注册码</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="170" />
        <source>Enrollment code</source>
        <translation>注册码</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="172" />
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="173" />
        <source>Revoke</source>
        <translation>吊销</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="185" />
        <source>Not saved: {0}</source>
        <translation>未保存：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="196" />
        <location filename="../../ui/screen/admin_tab.py" line="204" />
        <location filename="../../ui/screen/admin_tab.py" line="211" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="196" />
        <location filename="../../ui/screen/admin_tab.py" line="204" />
        <location filename="../../ui/screen/admin_tab.py" line="211" />
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="218" />
        <source>waiting for approval</source>
        <translation>待批准</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="218" />
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="219" />
        <source>revoked</source>
        <translation>已吊销</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="220" />
        <source>kiosk</source>
        <translation>自助终端</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="220" />
        <source>counter</source>
        <translation>窗口终端</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="220" />
        <source>queue screen</source>
        <translation>叫号屏</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="269" />
        <source>Added {0}</source>
        <translation>已新增 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="275" />
        <source>Enabled {0}</source>
        <translation>已启用 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="275" />
        <source>Disabled {0}</source>
        <translation>已停用 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="281" />
        <source>New password set for {0}</source>
        <translation>已为 {0} 设置新密码</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="288" />
        <source>ID card registered for {0}</source>
        <translation>已为 {0} 登记身份证</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="301" />
        <source>Window {0} saved</source>
        <translation>{0}号窗口已保存</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="310" />
        <source>Category {0} saved</source>
        <translation>类别 {0} 已保存</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="318" />
        <source>Item {0}: {1}</source>
        <translation>事项 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="321" />
        <source>Hall workbook</source>
        <translation>大厅基础数据表</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="334" />
        <source>Valid: {0} items; nothing written</source>
        <translation>检查通过：{0} 个事项；未写入</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="337" />
        <source>Imported: {0} new, {1} updated, {2} suspended</source>
        <translation>已导入：新增 {0}，更新 {1}，暂停 {2}</translation>
    </message>
    <message>
        <location filename="../../ui/screen/admin_tab.py" line="358" />
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
</context>
<context>
    <name>AgencyPage</name>
    <message>
        <location filename="../../ui/screen/agency_page.py" line="42" />
        <source>Investment projects the hall's agents take through their approval stages, one after another: working days used against each project's target.</source>
        <translation>代办员全程帮办代办的投资项目及其审批阶段：已用工作日与各项目目标时限对照。</translation>
    </message>
    <message>
        <location filename="../../ui/screen/agency_page.py" line="52" />
        <source>Project</source>
        <translation>项目编号</translation>
    </message>
    <message>
        <location filename="../../ui/screen/agency_page.py" line="52" />
        <source>Project title</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <location filename="../../ui/screen/agency_page.py" line="52" />
        <location filename="../../ui/screen/agency_page.py" line="76" />
        <source>Company</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../ui/screen/agency_page.py" line="52" />
        <source>Agent</source>
        <translation>代办人</translation>
    </message>
    <message>
        <location filename="../../ui/screen/agency_page.py" line="52" />
        <source>Stage under way</source>
        <translation>当前阶段</translation>
    </message>
    <message>
        <location filename="../../ui/screen/agency_page.py" line="53" />
        <source>Working days (target)</source>
        <translation>已用工作日（目标）</translation>
    </message>
    <message>
        <location filename="../../ui/screen/agency_page.py" line="53" />
        <source>Stages</source>
        <translation>审批阶段</translation>
    </message>
    <message>
        <location filename="../../ui/screen/agency_page.py" line="63" />
        <source>Case number (optional)</source>
        <translation>办件编号（可选）</translation>
    </message>
    <message>
        <location filename="../../ui/screen/agency_page.py" line="64" />
        <source>Start the next stage</source>
        <translation>开始下一阶段</translation>
    </message>
    <message>
        <location filename="../../ui/screen/agency_page.py" line="66" />
        <source>Finish the stage under way</source>
        <translation>办结当前阶段</translation>
    </message>
    <message>
        <location filename="../../ui/screen/agency_page.py" line="68" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/screen/agency_page.py" line="71" />
        <source>Step date</source>
        <translation>办理日期</translation>
    </message>
    <message>
        <location filename="../../ui/screen/agency_page.py" line="75" />
        <source>Project name</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <location filename="../../ui/screen/agency_page.py" line="77" />
        <source>Agent's user name</source>
        <translation>代办员用户名</translation>
    </message>
    <message>
        <location filename="../../ui/screen/agency_page.py" line="80" />
        <source>working days</source>
        <translation>个工作日</translation>
    </message>
    <message>
        <location filename="../../ui/screen/agency_page.py" line="81" />
        <source>Register the project</source>
        <translation>登记项目</translation>
    </message>
    <message>
        <location filename="../../ui/screen/agency_page.py" line="108" />
        <source>All stages done</source>
        <translation>全部阶段已办结</translation>
    </message>
    <message>
        <location filename="../../ui/screen/agency_page.py" line="110" />
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../ui/screen/agency_page.py" line="113" />
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/screen/agency_page.py" line="128" />
        <source>The projects cannot be loaded or changed: {0}</source>
        <translation>项目无法读取或修改：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/screen/agency_page.py" line="136" />
        <source>Choose a project in the list first.</source>
        <translation>请先在列表中选择一个项目。</translation>
    </message>
    <message>
        <location filename="../../ui/screen/agency_page.py" line="162" />
        <source>Every stage of this project has started.</source>
        <translation>该项目的所有阶段均已开始。</translation>
    </message>
    <message>
        <location filename="../../ui/screen/agency_page.py" line="173" />
        <source>No stage of this project is under way: start the next one first.</source>
        <translation>该项目没有办理中的阶段，请先开始下一阶段。</translation>
    </message>
</context>
<context>
    <name>AgentBox</name>
    <message>
        <location filename="../../ui/counter/agent_box.py" line="37" />
        <source>An agent applies on the applicant's behalf</source>
        <translation>帮办代办（代办人代为申请）</translation>
    </message>
    <message>
        <location filename="../../ui/counter/agent_box.py" line="49" />
        <source>Read the agent's ID card</source>
        <translation>读代办人身份证</translation>
    </message>
    <message>
        <location filename="../../ui/counter/agent_box.py" line="52" />
        <source>Entrusted person (letter of entrustment)</source>
        <translation>受托人（持授权委托书）</translation>
    </message>
    <message>
        <location filename="../../ui/counter/agent_box.py" line="53" />
        <source>Hall or village agent</source>
        <translation>帮办代办员（中心或村（社区）代办点）</translation>
    </message>
    <message>
        <location filename="../../ui/counter/agent_box.py" line="60" />
        <source>For this case only</source>
        <translation>仅限本次办理</translation>
    </message>
    <message>
        <location filename="../../ui/counter/agent_box.py" line="62" />
        <source>Agent</source>
        <translation>代办人</translation>
    </message>
    <message>
        <location filename="../../ui/counter/agent_box.py" line="64" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../ui/counter/agent_box.py" line="67" />
        <source>Agent's phone</source>
        <translation>代办人电话</translation>
    </message>
    <message>
        <location filename="../../ui/counter/agent_box.py" line="70" />
        <source>Acting as</source>
        <translation>代办身份</translation>
    </message>
    <message>
        <location filename="../../ui/counter/agent_box.py" line="72" />
        <source>Authorisation received</source>
        <translation>授权材料</translation>
    </message>
    <message>
        <location filename="../../ui/counter/agent_box.py" line="74" />
        <source>Valid until</source>
        <translation>授权期限至</translation>
    </message>
    <message>
        <location filename="../../ui/counter/agent_box.py" line="93" />
        <source>ID number OK</source>
        <translation>身份证号码校验通过</translation>
    </message>
    <message>
        <location filename="../../ui/counter/agent_box.py" line="95" />
        <source>Check digit wrong: a typing mistake?</source>
        <translation>校验位不符，是否输错？</translation>
    </message>
    <message>
        <location filename="../../ui/counter/agent_box.py" line="97" />
        <source>%1 of 18 characters</source>
        <translation>已输入 %1/18 位</translation>
    </message>
    <message>
        <location filename="../../ui/counter/agent_box.py" line="111" />
        <source>Read from the ID card</source>
        <translation>已从身份证读取</translation>
    </message>
    <message>
        <location filename="../../ui/counter/agent_box.py" line="132" />
        <source>Agent: %1</source>
        <translation>代办人：%1</translation>
    </message>
</context>
<context>
    <name>BackOfficeWindow</name>
    <message>
        <location filename="../../ui/backoffice/window.py" line="92" />
        <source>Back office</source>
        <translation>后台审批</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="109" />
        <source>Working: {0}…</source>
        <translation>正在处理：{0}…</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="121" />
        <source>Unexpected error: {0}</source>
        <translation>意外错误：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="133" />
        <source>Back office login</source>
        <translation>后台审批登录</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="141" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="142" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="143" />
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="161" />
        <source>This account is not department staff</source>
        <translation>该账号不是后台审批人员</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="165" />
        <source>log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="170" />
        <source>Logged in: {0}</source>
        <translation>当前用户：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="184" />
        <source>Work list</source>
        <translation>待办列表</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="191" />
        <source>Open tasks</source>
        <translation>待办任务</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="191" />
        <source>All tasks</source>
        <translation>全部任务</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="194" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="198" />
        <source>Red: overdue · Yellow: due soon · Green: on time · Grey: special step (clock stopped)</source>
        <translation>红灯：已超期 · 黄灯：即将到期 · 绿灯：正常 · 灰色：特殊环节（暂停计时）</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="201" />
        <source>Light</source>
        <translation>亮灯</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="201" />
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="201" />
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="201" />
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="201" />
        <location filename="../../ui/backoffice/window.py" line="264" />
        <source>Department</source>
        <translation>实施部门</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="202" />
        <location filename="../../ui/backoffice/window.py" line="264" />
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="202" />
        <location filename="../../ui/backoffice/window.py" line="264" />
        <source>Status</source>
        <translation>办理状态</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="202" />
        <location filename="../../ui/backoffice/window.py" line="264" />
        <source>Due</source>
        <translation>承诺办结</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="206" />
        <source>Open the case</source>
        <translation>打开办件</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="214" />
        <source>work list</source>
        <translation>待办列表</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="218" />
        <source>Red</source>
        <translation>红灯</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="218" />
        <source>Yellow</source>
        <translation>黄灯</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="218" />
        <source>Green</source>
        <translation>绿灯</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="219" />
        <source>Paused</source>
        <translation>暂停计时</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="228" />
        <location filename="../../ui/backoffice/window.py" line="385" />
        <source> (lead)</source>
        <translation>（牵头）</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="229" />
        <location filename="../../ui/backoffice/window.py" line="386" />
        <location filename="../../ui/backoffice/window.py" line="399" />
        <source>Approval</source>
        <translation>审批</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="229" />
        <location filename="../../ui/backoffice/window.py" line="386" />
        <location filename="../../ui/backoffice/window.py" line="399" />
        <source>Verification of a commitment</source>
        <translation>告知承诺核查</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="248" />
        <source>Back to the work list</source>
        <translation>返回待办列表</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="260" />
        <source>Materials</source>
        <translation>申请材料</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="261" />
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="261" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="261" />
        <source>Originals</source>
        <translation>收原件</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="261" />
        <source>Copies</source>
        <translation>收复印件</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="261" />
        <source>Promised by</source>
        <translation>承诺补交日期</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="263" />
        <source>Departments' tasks</source>
        <translation>各部门审批任务</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="264" />
        <location filename="../../ui/backoffice/window.py" line="278" />
        <source>Opinion</source>
        <translation>审核意见</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="266" />
        <source>History</source>
        <translation>办理过程</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="267" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="267" />
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="267" />
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="267" />
        <source>Working days used</source>
        <translation>已用工作日</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="267" />
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="274" />
        <source>My task</source>
        <translation>本部门任务</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="358" />
        <source>Agent: {0}, {1} (ID {2}), authorisation: {3}</source>
        <translation>代办人：{0}，{1}（证件号码 {2}），授权材料：{3}</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="374" />
        <source>Materials promised by {0}</source>
        <translation>容缺材料承诺补交日期：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="280" />
        <source>What must be corrected, one per line</source>
        <translation>需要补正的材料，每行一项</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="282" />
        <source>To correct</source>
        <translation>补正内容</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="285" />
        <source>Report to</source>
        <translation>上报单位</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="287" />
        <source>Hearing, testing, expert review, site inspection</source>
        <translation>听证、检验检测、专家评审、现场踏勘</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="288" />
        <source>Special step</source>
        <translation>特殊环节</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="305" />
        <source>Save opinion</source>
        <translation>保存意见</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="297" />
        <source>Return for correction</source>
        <translation>退回补正</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="306" />
        <source>Start special step</source>
        <translation>特殊环节开始</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="307" />
        <source>End special step</source>
        <translation>特殊环节结束</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="298" />
        <source>Report to a higher level</source>
        <translation>上报上级</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="276" />
        <source>Review opinion</source>
        <translation>审核意见</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="284" />
        <source>e.g. the city's market regulation bureau</source>
        <translation>例如：市市场监督管理局</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="295" />
        <source>Grant</source>
        <translation>准予</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="296" />
        <source>Do not grant</source>
        <translation>不予许可</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="301" />
        <source>Commitment holds</source>
        <translation>核查：承诺属实</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="302" />
        <source>Commitment does not hold</source>
        <translation>核查：承诺不实</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="308" />
        <source>Decision notice (PDF)</source>
        <translation>审批决定书（PDF）</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="344" />
        <source>case</source>
        <translation>办件</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="350" />
        <source>overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="350" />
        <source>due soon</source>
        <translation>（即将到期）</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="350" />
        <source>on time</source>
        <translation>（正常）</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="354" />
        <source>Applicant: {0} (ID {1}, phone {2})</source>
        <translation>申请人：{0}（证件号码 {1}，电话 {2}）</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="367" />
        <source>Received {0} · due {1} {2} · working days used {3}</source>
        <translation>收件 {0} · 承诺办结 {1} {2} · 已用 {3} 个工作日</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="370" />
        <source>Status: {0} · lead department: {1}</source>
        <translation>状态：{0} · 牵头部门：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="375" />
        <source>Waiting for correction: {0}</source>
        <translation>待补正：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="392" />
        <source>system</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="406" />
        <source>Notices: {0}</source>
        <translation>文书：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="406" />
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="408" />
        <source>Verification failed after the decision: {0}</source>
        <translation>决定作出后核查承诺不实：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="464" />
        <source>Saved: {0}</source>
        <translation>已保存：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="464" />
        <source>decision notice</source>
        <translation>审批决定书</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/window.py" line="468" />
        <source>No task of your department in this case</source>
        <translation>本件没有本部门的任务</translation>
    </message>
</context>
<context>
    <name>BoardWidget</name>
    <message>
        <location filename="../../ui/screen/board.py" line="26" />
        <source>Queue screen</source>
        <translation>排队叫号屏</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="36" />
        <source>DEMO — not a real hall</source>
        <translation>演示系统 · 非真实业务</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="59" />
        <source>Now calling</source>
        <translation>正在呼叫</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="80" />
        <source>Recent calls</source>
        <translation>最近叫号</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="83" />
        <source>Windows</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="94" />
        <source>Waiting</source>
        <translation>等候人数</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="120" />
        <source>● Live</source>
        <translation>● 实时</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="124" />
        <source>Reconnecting… showing the last known state</source>
        <translation>正在重新连接…显示最后状态</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="126" />
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="132" />
        <source>Please go to window {0}</source>
        <translation>请到{0}号窗口</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="135" />
        <source>Please wait for your number</source>
        <translation>请留意叫号</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="136" />
        <source>Window {0}</source>
        <translation>{0}号窗口</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="143" />
        <source>Welcome. Please take a ticket at the self-service kiosk and wait for your number.</source>
        <translation>欢迎光临，请在自助终端取号，留意叫号。</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="166" />
        <source>Paused</source>
        <translation>暂停服务</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="168" />
        <source>Closed</source>
        <translation>未开放</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="170" />
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="183" />
        <source>{0} {1}: closed</source>
        <translation>{0} {1}：停止取号</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="185" />
        <source>{0} {1}: {2} waiting</source>
        <translation>{0} {1}：{2}人等候</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="207" />
        <source>{0} {1}: {2}</source>
        <translation>{0} {1}：{2}</translation>
    </message>
</context>
<context>
    <name>BookingTab</name>
    <message>
        <location filename="../../ui/screen/booking_tab.py" line="59" />
        <location filename="../../ui/screen/booking_tab.py" line="74" />
        <location filename="../../ui/screen/booking_tab.py" line="97" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/screen/booking_tab.py" line="59" />
        <source>Category name</source>
        <translation>类别名称</translation>
    </message>
    <message>
        <location filename="../../ui/screen/booking_tab.py" line="59" />
        <source>Opening hours</source>
        <translation>取号时间</translation>
    </message>
    <message>
        <location filename="../../ui/screen/booking_tab.py" line="59" />
        <source>Serving windows</source>
        <translation>服务窗口数</translation>
    </message>
    <message>
        <location filename="../../ui/screen/booking_tab.py" line="60" />
        <source>Slot (min)</source>
        <translation>时段（分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/screen/booking_tab.py" line="60" />
        <source>Places per window</source>
        <translation>每窗口号源</translation>
    </message>
    <message>
        <location filename="../../ui/screen/booking_tab.py" line="60" />
        <source>Places per slot</source>
        <translation>每时段号源</translation>
    </message>
    <message>
        <location filename="../../ui/screen/booking_tab.py" line="61" />
        <source>Days ahead</source>
        <translation>可约天数</translation>
    </message>
    <message>
        <location filename="../../ui/screen/booking_tab.py" line="61" />
        <source>Cut-off (min)</source>
        <translation>截止（分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/screen/booking_tab.py" line="61" />
        <source>Booking</source>
        <translation>预约</translation>
    </message>
    <message>
        <location filename="../../ui/screen/booking_tab.py" line="64" />
        <source>Slot plan</source>
        <translation>预约时段设置</translation>
    </message>
    <message>
        <location filename="../../ui/screen/booking_tab.py" line="72" />
        <source>Bookable from the phone</source>
        <translation>开放手机预约</translation>
    </message>
    <message>
        <location filename="../../ui/screen/booking_tab.py" line="75" />
        <source>Slot length (min)</source>
        <translation>每时段时长（分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/screen/booking_tab.py" line="76" />
        <source>Places per window and slot</source>
        <translation>每窗口每时段号源数</translation>
    </message>
    <message>
        <location filename="../../ui/screen/booking_tab.py" line="77" />
        <source>Bookable days ahead</source>
        <translation>可提前预约天数</translation>
    </message>
    <message>
        <location filename="../../ui/screen/booking_tab.py" line="78" />
        <source>Booking closes before a slot (min)</source>
        <translation>时段开始前停止预约（分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/screen/booking_tab.py" line="80" />
        <source>Save the plan</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <location filename="../../ui/screen/booking_tab.py" line="91" />
        <source>Bookings of</source>
        <translation>预约日期</translation>
    </message>
    <message>
        <location filename="../../ui/screen/booking_tab.py" line="97" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/screen/booking_tab.py" line="97" />
        <source>Service item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/screen/booking_tab.py" line="97" />
        <source>Appointment code</source>
        <translation>预约码</translation>
    </message>
    <message>
        <location filename="../../ui/screen/booking_tab.py" line="97" />
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../ui/screen/booking_tab.py" line="98" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../ui/screen/booking_tab.py" line="98" />
        <source>Mobile</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <location filename="../../ui/screen/booking_tab.py" line="98" />
        <source>Status</source>
        <translation>办理状态</translation>
    </message>
    <message>
        <location filename="../../ui/screen/booking_tab.py" line="122" />
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <location filename="../../ui/screen/booking_tab.py" line="122" />
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <location filename="../../ui/screen/booking_tab.py" line="127" />
        <source>(no hours: no slots)</source>
        <translation>（未设办公时间，无时段）</translation>
    </message>
    <message>
        <location filename="../../ui/screen/booking_tab.py" line="145" />
        <source>booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <location filename="../../ui/screen/booking_tab.py" line="145" />
        <source>checked in</source>
        <translation>已签到</translation>
    </message>
    <message>
        <location filename="../../ui/screen/booking_tab.py" line="145" />
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/screen/booking_tab.py" line="146" />
        <source>missed</source>
        <translation>爽约</translation>
    </message>
    <message>
        <location filename="../../ui/screen/booking_tab.py" line="157" />
        <source>{0} booked, {1} checked in, {2} cancelled, {3} missed</source>
        <translation>已预约{0}个，已签到{1}个，已取消{2}个，爽约{3}个</translation>
    </message>
    <message>
        <location filename="../../ui/screen/booking_tab.py" line="192" />
        <source>Saved: the new plan applies to bookings from now on.</source>
        <translation>已保存：新设置适用于此后的预约。</translation>
    </message>
    <message>
        <location filename="../../ui/screen/booking_tab.py" line="199" />
        <source>The appointments cannot be loaded: {0}</source>
        <translation>无法读取预约：{0}</translation>
    </message>
</context>
<context>
    <name>CaseChart</name>
    <message>
        <location filename="../../ui/screen/case_chart.py" line="26" />
        <source>Early</source>
        <translation>提前办结</translation>
    </message>
    <message>
        <location filename="../../ui/screen/case_chart.py" line="26" />
        <source>On time</source>
        <translation>按时办结</translation>
    </message>
    <message>
        <location filename="../../ui/screen/case_chart.py" line="26" />
        <source>Overdue</source>
        <translation>超期办结</translation>
    </message>
    <message>
        <location filename="../../ui/screen/case_chart.py" line="26" />
        <source>In progress</source>
        <translation>在办</translation>
    </message>
    <message>
        <location filename="../../ui/screen/case_chart.py" line="44" />
        <source>No cases in this period</source>
        <translation>本期无办件</translation>
    </message>
</context>
<context>
    <name>CheckInPage</name>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="227" />
        <source>Appointment check-in</source>
        <translation>预约签到</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="230" />
        <location filename="../../kiosk/pages/ticket.py" line="242" />
        <source>Place your ID card on the reader, or enter your appointment code</source>
        <translation>请刷身份证，或输入预约码</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="244" />
        <source>Appointment code</source>
        <translation>预约码</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="247" />
        <source>Check in</source>
        <translation>签到</translation>
    </message>
</context>
<context>
    <name>ComplaintPage</name>
    <message>
        <location filename="../../kiosk/pages/feedback.py" line="92" />
        <source>Complaints and suggestions</source>
        <translation>投诉建议</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/feedback.py" line="104" />
        <source>What is it about? (choose any)</source>
        <translation>请选择您要反映的问题（可多选）</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/feedback.py" line="112" />
        <location filename="../../kiosk/pages/feedback.py" line="131" />
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/feedback.py" line="117" />
        <source>Tell us more in your own words (optional, up to %1 characters):</source>
        <translation>请写下您的具体意见（可不填，最多 %1 个字）：</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/feedback.py" line="122" />
        <source>Type with the keys below</source>
        <translation>用下方按键输入拼音，点候选字词；点“ABC”输入字母和数字</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/feedback.py" line="158" />
        <source>Leave a mobile number if you would like a call back (optional):</source>
        <translation>如需回访，请留下手机号码（可不填）：</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/feedback.py" line="160" />
        <source>Mobile number</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/feedback.py" line="164" />
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/feedback.py" line="166" />
        <source>Thank you. Your message was recorded.</source>
        <translation>谢谢，您的意见已记录。</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/feedback.py" line="168" />
        <source>The hall manager reads every message; a call back comes within 5 working days.</source>
        <translation>大厅负责人会逐条处理，5个工作日内回访。</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/feedback.py" line="178" />
        <source>%1 of %2 characters</source>
        <translation>已输入 %1/%2 个字</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <location filename="../../ui/screen/conflicts.py" line="29" />
        <source>Records the terminals sent that the center could not take. Put each right (enter it again, tell the clerk), then mark it resolved: the terminal stops showing it.</source>
        <translation>各终端上传、但中心无法接收的记录。逐条处理（重新录入、告知窗口人员）后标记为已处理，终端上即不再提示。</translation>
    </message>
    <message>
        <location filename="../../ui/screen/conflicts.py" line="38" />
        <source>Nothing refused: every record the terminals sent is at the center.</source>
        <translation>没有被拒收的记录：各终端上传的记录均已进入中心。</translation>
    </message>
    <message>
        <location filename="../../ui/screen/conflicts.py" line="41" />
        <source>Show resolved ones too</source>
        <translation>同时显示已处理的</translation>
    </message>
    <message>
        <location filename="../../ui/screen/conflicts.py" line="44" />
        <source>What was done (optional)</source>
        <translation>处理情况（可不填）</translation>
    </message>
    <message>
        <location filename="../../ui/screen/conflicts.py" line="45" />
        <source>Mark resolved</source>
        <translation>标记为已处理</translation>
    </message>
    <message>
        <location filename="../../ui/screen/conflicts.py" line="47" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/screen/conflicts.py" line="85" />
        <source>Choose a record in the list first.</source>
        <translation>请先在列表中选择一条记录。</translation>
    </message>
    <message>
        <location filename="../../ui/screen/conflicts.py" line="101" />
        <source>The conflicts cannot be loaded or changed: {0}</source>
        <translation>无法读取或更新被拒收的记录：{0}</translation>
    </message>
</context>
<context>
    <name>CounterWindow</name>
    <message>
        <location filename="../../ui/counter/window.py" line="106" />
        <source>Comprehensive acceptance counter</source>
        <translation>综合受理窗口</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="150" />
        <source>No ticket is being served at this window: press F1 to call the next number.</source>
        <translation>本窗口当前没有正在办理的号码，请按 F1 叫下一位。</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="152" />
        <source>The window is paused: press F8 to resume the service first.</source>
        <translation>窗口已暂停服务，请先按 F8 恢复服务。</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="154" />
        <source>Something went wrong. The details are in the log; please tell the administrator.</source>
        <translation>出现了意外问题，详细情况已记入日志，请联系系统管理员。</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="214" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="215" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="216" />
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="218" />
        <source>Log in with my ID card</source>
        <translation>刷本人身份证登录</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="223" />
        <source>Window %1 — clerk login</source>
        <translation>%1号窗口 — 工作人员登录</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="244" />
        <source>No ID-card reader is configured: log in with your password.</source>
        <translation>未配置身份证读卡器，请用密码登录。</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="270" />
        <source>Logged in offline: calling needs the center; acceptance goes on and syncs later.</source>
        <translation>已离线登录：叫号需连接中心；受理等工作照常进行，联网后自动上传。</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="302" />
        <source>Acceptance</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="303" />
        <source>Cases</source>
        <translation>办件</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="317" />
        <source>See the refused records</source>
        <translation>查看被拒收的记录</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="340" />
        <source>At the window</source>
        <translation>当前号码</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="344" />
        <source>SERVICE PAUSED
press F8 to resume</source>
        <translation>暂停服务
按 F8 恢复</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="350" />
        <source>Call next</source>
        <translation>叫下一位</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="351" />
        <source>Recall</source>
        <translation>重呼</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="352" />
        <source>No-show</source>
        <translation>过号</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="353" />
        <source>Start service</source>
        <translation>开始办理</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="354" />
        <source>Finish service</source>
        <translation>办理结束</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="355" />
        <source>Pause</source>
        <translation>暂停服务</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="356" />
        <source>Resume</source>
        <translation>恢复服务</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="366" />
        <source>Number, e.g. A023</source>
        <translation>号码，如 A023</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="367" />
        <source>Call this number</source>
        <translation>叫指定号</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="374" />
        <source>Transfer to category, e.g. B</source>
        <translation>转移到类别，如 B</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="375" />
        <source>Transfer</source>
        <translation>转移</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="381" />
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="427" />
        <source>Called %1 again</source>
        <translation>已重呼 %1</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="431" />
        <source>%1 did not come: marked as no-show</source>
        <translation>%1 未到，已过号</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="435" />
        <source>Serving %1 now</source>
        <translation>开始办理 %1</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="438" />
        <source>The window is paused: press F8 to resume.</source>
        <translation>窗口已暂停服务，按 F8 恢复。</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="442" />
        <source>The window serves again: press F1 to call the next number.</source>
        <translation>窗口已恢复服务，按 F1 叫下一位。</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="456" />
        <source>Nobody is waiting for this window.</source>
        <translation>本窗口暂无等候的号码。</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="458" />
        <source>Called %1</source>
        <translation>已呼叫 %1</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="460" />
        <source>Real-name ticket: read the holder's ID card (F9)</source>
        <translation>实名取号：请读取取号人身份证（F9）</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="474" />
        <source>Enter the category to transfer to.</source>
        <translation>请输入要转移到的业务类别。</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="480" />
        <source>%1 transferred to %2</source>
        <translation>%1 已转至 %2 类业务</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="490" />
        <source>%1 finished: the citizen may rate the service.</source>
        <translation>%1 办理结束，请申请人评价。</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="501" />
        <source>The citizen rated the service.</source>
        <translation>群众已评价。</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="548" />
        <source>Connecting to the center…</source>
        <translation>正在连接中心…</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="550" />
        <source>synced</source>
        <translation>已同步</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="550" />
        <source>%1 to upload</source>
        <translation>%1 条待上传</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="552" />
        <source>OFFLINE: %1 waiting to upload</source>
        <translation>离线：%1 条待上传</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="553" />
        <source>Window %1</source>
        <translation>%1号窗口</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="555" />
        <source>SERVICE PAUSED</source>
        <translation>暂停服务</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="560" />
        <source>%1: %2 waiting</source>
        <translation>%1 等候 %2 人</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/counter/window.py" line="569" />
        <source>The center refused %n of this counter's records: the hall manager must resolve them.</source>
        <translation>
            <numerusform>中心拒收了本窗口的 %n 条记录，需由大厅负责人处理。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="584" />
        <source>Read ID card</source>
        <translation>读身份证</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="587" />
        <location filename="../../ui/counter/window.py" line="925" />
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="589" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="592" />
        <source>Re-enter</source>
        <translation>重新录入证件号</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="598" />
        <source>Applicant agrees to SMS about this case</source>
        <translation>申请人同意接收办件短信通知</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="609" />
        <source>Find the item: name, code or pinyin initials (e.g. qysl)</source>
        <translation>查找事项：名称、编码或拼音首字母（如 qysl）</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="621" />
        <location filename="../../ui/counter/window.py" line="905" />
        <source>No item chosen</source>
        <translation>未选择事项</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="626" />
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="626" />
        <source>Needed</source>
        <translation>应收 原件/复印件</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="626" />
        <source>Originals</source>
        <translation>收原件</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="626" />
        <source>Copies</source>
        <translation>收复印件</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="626" />
        <source>Deferred</source>
        <translation>容缺</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="626" />
        <source>Commitment</source>
        <translation>告知承诺</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="632" />
        <source>All received</source>
        <translation>全部收齐</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="652" />
        <source>Accept with deferred materials</source>
        <translation>容缺受理</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="626" />
        <source>Promise date</source>
        <translation>承诺补交日期</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="640" />
        <source>Collect at the window</source>
        <translation>窗口领取</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="641" />
        <source>Free express delivery</source>
        <translation>免费邮寄</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="644" />
        <location filename="../../ui/counter/window.py" line="925" />
        <source>Delivery</source>
        <translation>送达方式</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="651" />
        <source>Accept</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="653" />
        <source>One-time notice of missing materials</source>
        <translation>一次性告知</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="654" />
        <source>Refuse</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="679" />
        <source>ID number OK</source>
        <translation>身份证号码校验通过</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="681" />
        <source>Check digit wrong: a typing mistake?</source>
        <translation>校验位不符，是否输错？</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="683" />
        <source>%1 of 18 characters</source>
        <translation>已输入 %1/18 位</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="691" />
        <source>Name: %1</source>
        <translation>姓名：%1</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="693" />
        <source>ID: %1</source>
        <translation>证件：%1</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="695" />
        <source>Phone: %1</source>
        <translation>电话：%1</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="699" />
        <source>Item: %1</source>
        <translation>事项：%1</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="704" />
        <location filename="../../ui/counter/window.py" line="717" />
        <source>No ID-card reader is configured: enter the ID number by hand.</source>
        <translation>未配置身份证读卡器，请手工录入身份证号码。</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="752" />
        <source>Read from the ID card</source>
        <translation>已从身份证读取</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="736" />
        <source>ID card read: %1</source>
        <translation>已读取身份证：%1</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="595" />
        <source>Applicant's phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="723" />
        <source>Agent's ID card read: %1</source>
        <translation>已读取代办人身份证：%1</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="739" />
        <source>Not the ticket's holder</source>
        <translation>非取号本人</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="743" />
        <source>This card is not the one ticket %1 was taken with. If another person applies on the holder's behalf (代办), check the power of attorney and go on.</source>
        <translation>此身份证与 %1 号取号时所用的身份证不一致。如为他人代办，请核验授权委托书后继续办理。</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="749" />
        <source>Same person as the real-name ticket</source>
        <translation>与实名取号人一致</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="750" />
        <source>The ticket's holder: the same person.</source>
        <translation>与取号人为同一人。</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="760" />
        <source>%1 (%2, %3, %4)</source>
        <translation>%1　（%2，%3，%4）</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="775" />
        <source>%1 chosen: check the materials (F10 when all are received).</source>
        <translation>已选择“%1”：请核对材料（全部收齐按 F10）。</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="784" />
        <source> (if applicable)</source>
        <translation>（视情况提供）</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="817" />
        <location filename="../../ui/counter/window.py" line="849" />
        <source>Choose the service item first.</source>
        <translation>请先选择办理事项。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/counter/window.py" line="820" />
        <source>All %n materials received.</source>
        <translation>
            <numerusform>%n 项材料已全部收齐。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="868" />
        <source>Case %1: %2. Printed: %3</source>
        <translation>办件 %1：%2。已出具：%3</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="869" />
        <source>accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="869" />
        <source>accepted with deferred materials</source>
        <translation>已容缺受理</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="869" />
        <source>one-time notice given</source>
        <translation>已一次性告知</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="869" />
        <source>refused</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="872" />
        <source>Due %1</source>
        <translation>承诺办结 %1</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="874" />
        <source>Receipt not printed: %1</source>
        <translation>回执未打印：%1</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="913" />
        <source>Search by case number, item or applicant</source>
        <translation>按办件编号、事项或申请人搜索</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="915" />
        <source>Open cases only</source>
        <translation>只看在办</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="919" />
        <source>Find at the center (case number, ID card or QR)</source>
        <translation>中心查找（办件编号、身份证或二维码）</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="925" />
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="925" />
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="925" />
        <source>Status</source>
        <translation>办理状态</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="925" />
        <source>Received</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="925" />
        <source>Due</source>
        <translation>承诺办结</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="934" />
        <source>What must be corrected</source>
        <translation>需补正的内容（多项用；分隔）</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="936" />
        <source>Express tracking number</source>
        <translation>快递单号</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="938" />
        <source>Request correction</source>
        <translation>补正告知</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="939" />
        <source>Corrections received</source>
        <translation>补正材料已收齐</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="940" />
        <source>Deferred materials supplied</source>
        <translation>容缺材料已补齐</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="941" />
        <source>Complete</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="942" />
        <source>Print the back office's correction notice</source>
        <translation>打印补正材料通知书</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="943" />
        <source>Deliver at window</source>
        <translation>窗口出件</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="944" />
        <source>Deliver by express</source>
        <translation>快递出件</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="967" />
        <source> (agent %1)</source>
        <translation>（代办人 %1）</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="995" />
        <source>Select a case first.</source>
        <translation>请先选择一个办件。</translation>
    </message>
    <message>
        <location filename="../../ui/counter/window.py" line="1000" />
        <source>Done.</source>
        <translation>已完成。</translation>
    </message>
</context>
<context>
    <name>CustomerWindow</name>
    <message>
        <location filename="../../ui/counter/customer.py" line="37" />
        <source>Window %1</source>
        <translation>%1号窗口</translation>
    </message>
    <message>
        <location filename="../../ui/counter/customer.py" line="43" />
        <source>Service paused</source>
        <translation>暂停服务</translation>
    </message>
    <message>
        <location filename="../../ui/counter/customer.py" line="69" />
        <source>Welcome</source>
        <translation>欢迎办理</translation>
    </message>
    <message>
        <location filename="../../ui/counter/customer.py" line="80" />
        <source>Served by %1</source>
        <translation>服务人员：%1</translation>
    </message>
    <message>
        <location filename="../../ui/counter/customer.py" line="82" />
        <source>Staff no. %1</source>
        <translation>工号 %1</translation>
    </message>
    <message>
        <location filename="../../ui/counter/customer.py" line="89" />
        <source>Now serving</source>
        <translation>正在为您办理</translation>
    </message>
    <message>
        <location filename="../../ui/counter/customer.py" line="89" />
        <source>Please come to this window</source>
        <translation>请到本窗口办理</translation>
    </message>
    <message>
        <location filename="../../ui/counter/customer.py" line="99" />
        <source>Please wait, or go to another window</source>
        <translation>请稍候，或到其他窗口办理</translation>
    </message>
    <message>
        <location filename="../../ui/counter/customer.py" line="107" />
        <source>Please check:</source>
        <translation>请核对：</translation>
    </message>
    <message>
        <location filename="../../ui/counter/customer.py" line="111" />
        <source>Please rate this service</source>
        <translation>请对本次服务进行评价</translation>
    </message>
    <message>
        <location filename="../../ui/counter/customer.py" line="118" />
        <source>Thank you for your rating!</source>
        <translation>感谢您的评价！</translation>
    </message>
</context>
<context>
    <name>GuidePage</name>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="138" />
        <source>Service guide</source>
        <translation>办事指南</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="141" />
        <source>Service guides</source>
        <translation>办事指南</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="152" />
        <source>Search: name or pinyin initials, e.g. qysl</source>
        <translation>搜索：事项名称或拼音首字母，如 qysl</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="155" />
        <location filename="../../kiosk/tour.py" line="104" />
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="158" />
        <source>Or choose a department:</source>
        <translation>或按部门查找：</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="169" />
        <source>Results for “%1”</source>
        <translation>“%1”的查询结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="191" />
        <source>Printed. Please take the guide.</source>
        <translation>已打印，请取走办事指南。</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="194" />
        <source>Department</source>
        <translation>实施部门</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="195" />
        <source>Type</source>
        <translation>办件类型</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="196" />
        <source>Time limit</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="197" />
        <source>Fee</source>
        <translation>收费标准</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="198" />
        <source>Where</source>
        <translation>办理地点</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="199" />
        <source>Hours</source>
        <translation>办理时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="200" />
        <source>Visits needed</source>
        <translation>到现场次数</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="201" />
        <source>Results delivered by</source>
        <translation>结果送达</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="201" />
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="202" />
        <source>Phone</source>
        <translation>咨询电话</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="204" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="207" />
        <source>Conditions</source>
        <translation>受理条件</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="208" />
        <source>Materials</source>
        <translation>申请材料</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="213" />
        <source>%1 original(s)</source>
        <translation>原件%1份</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="214" />
        <source>%1 copy(ies)</source>
        <translation>复印件%1份</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="218" />
        <source> (%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="218" />
        <source>; </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="221" />
        <source>Steps</source>
        <translation>办理流程</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="223" />
        <source>Q: %1
A: %2</source>
        <translation>问：%1
答：%2</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="225" />
        <source>Print this guide</source>
        <translation>打印办事指南</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../kiosk/pages/home.py" line="30" />
        <source>Welcome. Please choose a service</source>
        <translation>欢迎！请选择您要办理的服务</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/home.py" line="33" />
        <source>Welcome. Touch the service you need</source>
        <translation>欢迎，请点击您要办理的服务</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/home.py" line="38" />
        <source>Take a ticket</source>
        <translation>取号</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/home.py" line="39" />
        <source>Appointment check-in</source>
        <translation>预约签到</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/home.py" line="40" />
        <source>Case progress</source>
        <translation>办件进度查询</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/home.py" line="41" />
        <source>Service guides</source>
        <translation>办事指南</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/home.py" line="42" />
        <source>Rate a service</source>
        <translation>好差评</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/home.py" line="43" />
        <source>Complaints and suggestions</source>
        <translation>投诉建议</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/home.py" line="65" />
        <source>Staff at the service desk will gladly help you.</source>
        <translation>如需帮助，请到服务台找工作人员。</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/home.py" line="68" />
        <source>Elderly mode: on</source>
        <translation>长者模式：已开启</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/home.py" line="68" />
        <source>Elderly mode</source>
        <translation>长者模式</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/home.py" line="80" />
        <source>Notices</source>
        <translation>通知公告</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../../kiosk/pages/base.py" line="78" />
        <source>Clear</source>
        <translation>清空</translation>
    </message>
</context>
<context>
    <name>KioskShell</name>
    <message>
        <location filename="../../kiosk/shell.py" line="97" />
        <location filename="../../kiosk/shell.py" line="210" />
        <source>Self-service kiosk</source>
        <translation>自助服务终端</translation>
    </message>
    <message>
        <location filename="../../kiosk/shell.py" line="279" />
        <source>Please wait…</source>
        <translation>请稍候…</translation>
    </message>
    <message>
        <location filename="../../kiosk/shell.py" line="285" />
        <source>Something went wrong. Please ask the staff at the service desk.</source>
        <translation>出了点问题，请到服务台咨询工作人员。</translation>
    </message>
    <message>
        <location filename="../../kiosk/shell.py" line="318" />
        <source>Returning home in %1 s</source>
        <translation>%1 秒后返回首页</translation>
    </message>
    <message>
        <location filename="../../kiosk/shell.py" line="326" />
        <source>Network interrupted: tickets are still issued; some services need the network.</source>
        <translation>网络中断：仍可取号，部分服务需联网后使用。</translation>
    </message>
    <message>
        <location filename="../../kiosk/shell.py" line="329" />
        <source>The printer is out of service: please note your number on screen.</source>
        <translation>打印机暂时故障，请记下屏幕上的号码。</translation>
    </message>
    <message>
        <location filename="../../kiosk/shell.py" line="331" />
        <source>Paper is running low.</source>
        <translation>打印纸即将用完。</translation>
    </message>
    <message>
        <location filename="../../kiosk/shell.py" line="334" />
        <source>The ID card reader is out of service: please ask the staff.</source>
        <translation>身份证读卡器暂时故障，请联系工作人员。</translation>
    </message>
</context>
<context>
    <name>ManagerConsole</name>
    <message>
        <location filename="../../ui/screen/console.py" line="143" />
        <source>Hall manager console</source>
        <translation>大厅管理控制台</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="147" />
        <source>DEMO — not a real hall</source>
        <translation>演示系统 · 非真实业务</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="150" />
        <source>Manager console</source>
        <translation>管理控制台</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="154" />
        <source>Overview</source>
        <translation>总览</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="155" />
        <source>Supervision</source>
        <translation>电子监察</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="156" />
        <source>Ratings to rectify</source>
        <translation>差评整改</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="157" />
        <source>Statistics</source>
        <translation>统计报表</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="158" />
        <source>Actions</source>
        <translation>管理操作</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="159" />
        <source>Complaints and suggestions</source>
        <translation>投诉建议</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="162" />
        <source>Appointments</source>
        <translation>预约</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="165" />
        <source>Refused records</source>
        <translation>被拒收记录</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="168" />
        <source>Project agency</source>
        <translation>项目帮办代办</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="172" />
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="174" />
        <source>Access log</source>
        <translation>访问记录</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="192" />
        <location filename="../../ui/screen/console.py" line="205" />
        <source>Windows</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="195" />
        <location filename="../../ui/screen/console.py" line="245" />
        <location filename="../../ui/screen/console.py" line="261" />
        <location filename="../../ui/screen/console.py" line="305" />
        <location filename="../../ui/screen/console.py" line="379" />
        <location filename="../../ui/screen/console.py" line="421" />
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="196" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="197" />
        <location filename="../../ui/screen/console.py" line="262" />
        <source>Clerk</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="198" />
        <location filename="../../ui/screen/console.py" line="427" />
        <source>Ticket</source>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="199" />
        <source>Serving for</source>
        <translation>已服务时长</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="200" />
        <location filename="../../ui/screen/console.py" line="205" />
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="204" />
        <source>Sites</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="205" />
        <source>Serving</source>
        <translation>服务中</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="208" />
        <source>Queues</source>
        <translation>排队情况</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="211" />
        <source>Category</source>
        <translation>业务类别</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="212" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="213" />
        <source>Waiting</source>
        <translation>等候人数</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="214" />
        <source>Longest wait (min)</source>
        <translation>最长等候（分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="215" />
        <source>Open windows</source>
        <translation>开放窗口</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="216" />
        <source>Attention</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="230" />
        <source>In time</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="231" />
        <source>Due soon</source>
        <translation>临界预警</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="232" />
        <source>Overdue</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="239" />
        <source>Overdue and due-soon cases</source>
        <translation>超时及临界办件</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="242" />
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="243" />
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="244" />
        <location filename="../../ui/screen/console.py" line="366" />
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="246" />
        <source>Due</source>
        <translation>承诺办结日</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="247" />
        <source>Working days left</source>
        <translation>剩余工作日</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="258" />
        <source>Rated</source>
        <translation>评价时间</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="259" />
        <source>Level</source>
        <translation>评价等级</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="260" />
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="263" />
        <source>Case</source>
        <translation>办件</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="264" />
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="265" />
        <location filename="../../ui/screen/console.py" line="286" />
        <source>Measures</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="266" />
        <source>Call-back</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="274" />
        <source>Why (e.g. call-back of this bad rating)</source>
        <translation>查看原因（如：差评回访）</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="275" />
        <source>Call-back of a bad rating</source>
        <translation>差评回访</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="276" />
        <source>Show the phone for the call-back (logged)</source>
        <translation>查看回访电话（留痕）</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="287" />
        <source>Call-back result</source>
        <translation>回访结果</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="290" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="292" />
        <source>Save and close</source>
        <translation>保存并办结</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="305" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="305" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="305" />
        <source>About</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="305" />
        <source>Phone</source>
        <translation>咨询电话</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="307" />
        <source>Called back / answered</source>
        <translation>已回访 / 已处理</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="318" />
        <source>complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="318" />
        <source>suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="342" />
        <source>Period</source>
        <translation>统计期间</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="344" />
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="344" />
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="344" />
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="344" />
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="367" />
        <source>Received</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="368" />
        <source>Completed</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="369" />
        <source>On-time rate</source>
        <translation>按时办结率</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="370" />
        <source>Completion rate</source>
        <translation>办结率</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="371" />
        <source>In progress</source>
        <translation>在办</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="372" />
        <source>Returned</source>
        <translation>退办</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="373" />
        <source>Terminated</source>
        <translation>终止</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="380" />
        <source>Served</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="381" />
        <source>No-shows</source>
        <translation>过号</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="382" />
        <source>Average wait (min)</source>
        <translation>平均等候（分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="383" />
        <source>Average service (min)</source>
        <translation>平均办理（分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="384" />
        <source>Service level</source>
        <translation>服务达标率</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="389" />
        <source>Export as CSV</source>
        <translation>导出CSV</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="391" />
        <source>Export as PDF</source>
        <translation>导出PDF</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="393" />
        <source>Export as Excel</source>
        <translation>导出Excel</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="437" />
        <source>Holidays (YYYY-MM-DD off) and make-up working days (YYYY-MM-DD work), one per line</source>
        <translation>节假日（日期 休）和调休上班日（日期 班），每行一个</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="663" />
        <source>: {0} tickets issued, {1} served, {2} no-shows; average wait {3} min, longest {4} min. Cases received {5}, completed {6} (early {7}, on time {8}, overdue {9}). Satisfaction {10} of {11} ratings.</source>
        <translation>：取号{0}个，办结{1}个，过号{2}个；平均等候{3}分钟，最长{4}分钟。收件{5}件，办结{6}件（提前{7}件，按时{8}件，超期{9}件）。满意率{10}（共{11}条评价）。</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="407" />
        <source>Broadcast to screens and kiosks</source>
        <translation>发布到叫号屏和自助终端</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="409" />
        <source>Notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="205" />
        <location filename="../../ui/screen/console.py" line="414" />
        <source>Open</source>
        <translation>开启</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="415" />
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="416" />
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="425" />
        <source>Move ticket</source>
        <translation>调整号码</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="428" />
        <source>To category</source>
        <translation>转到业务类别</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="433" />
        <source>Publish the year's calendar</source>
        <translation>发布该年度工作日历</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="435" />
        <source>Working-day calendar</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="469" />
        <source>Not understood: {0}</source>
        <translation>无法识别：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="474" />
        <source>Calendar {0} published: {1} days</source>
        <translation>{0}年工作日历已发布：{1}天</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="482" />
        <source>The center cannot be reached; showing the last data. ({0})</source>
        <translation>无法连接中心服务器，显示最后数据。（{0}）</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="558" />
        <source>People wait and no open window serves them: open one</source>
        <translation>有人等候但无开放窗口办理，请开窗</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="559" />
        <source>Waiting longer than %1 min</source>
        <translation>等候已超过 %1 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="560" />
        <source>Many waiting per open window: consider opening another</source>
        <translation>每个窗口等候人数较多，建议增开窗口</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screen/console.py" line="595" />
        <source>Overdue by %n working day(s)</source>
        <translation>
            <numerusform>超期 %n 个工作日</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="597" />
        <source>Due today</source>
        <translation>今天到期</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screen/console.py" line="598" />
        <source>%n working day(s) left</source>
        <translation>
            <numerusform>剩余 %n 个工作日</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="603" />
        <source>Select a rating first</source>
        <translation>请先选择一条评价</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="608" />
        <source>Phone: %1 (this reveal is logged)</source>
        <translation>联系电话：%1（本次查看已记录）</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="612" />
        <source>Not shown: %1</source>
        <translation>未能显示：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="693" />
        <source>On-time rate {0}, completion rate {1}, early rate {2}; in progress {3}, returned {4}, terminated {5}; daily average {6}.</source>
        <translation>按时办结率 {0}，办结率 {1}，提前办结率 {2}；在办 {3} 件，退办 {4} 件，终止 {5} 件；日均收件 {6} 件。</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="767" />
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="775" />
        <source>Choose a rating in the list first.</source>
        <translation>请先在列表中选择一条评价。</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="798" />
        <source>Notice sent</source>
        <translation>通知已发布</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="805" />
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/screen/console.py" line="815" />
        <source>Ticket moved</source>
        <translation>号码已调整</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../app/i18n/messages.py" line="31" />
        <source>There is no queue category {prefix}.</source>
        <translation>没有“{prefix}”类业务。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="32" />
        <source>There is no window {window}.</source>
        <translation>没有{window}号窗口。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="33" />
        <source>This category's settings are being changed: try again.</source>
        <translation>这类业务的设置正在修改，请重试。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="34" />
        <source>The center is not ready yet: ask the administrator.</source>
        <translation>中心尚未准备好，请联系管理员。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="35" />
        <source>No appointment for today with this code, or it was checked in already.</source>
        <translation>没有找到今天的这个预约，或已签到。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="38" />
        <source>This appointment is for another category.</source>
        <translation>这个预约属于另一类业务。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="39" />
        <source>Today's numbers of {category} are used up.</source>
        <translation>今日{category}号码已发完。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="40" />
        <source>You already hold ticket {number}, not yet served: please do not take another.</source>
        <translation>您有一个号码（{number}）尚未办理，请勿重复取号。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="43" />
        <source>{misses} missed calls in the last {days} days: tickets by ID card are paused until {until}. Please ask at the service desk.</source>
        <translation>您近{days}天内过号{misses}次，{until}前暂停实名取号，请到服务台咨询。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="48" />
        <source>The window is paused: resume it first.</source>
        <translation>窗口已暂停，请先恢复。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="49" />
        <source>Finish or mark a no-show for {number} first.</source>
        <translation>请先办结或过号当前号码 {number}。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="50" />
        <source>Finish or mark a no-show for the current ticket first.</source>
        <translation>请先办结或过号当前号码。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="51" />
        <source>Finish the current ticket before pausing.</source>
        <translation>请先办结当前号码再暂停。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="52" />
        <source>This window serves no category: ask the manager.</source>
        <translation>本窗口未设置办理的业务，请联系管理员。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="53" />
        <source>{number} is not waiting.</source>
        <translation>{number} 不在等候中。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="54" />
        <source>This window does not serve {number}.</source>
        <translation>本窗口不办理{number}这类业务。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="55" />
        <source>Window {window} does not serve {category}.</source>
        <translation>{window}号窗口不办理{category}。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="56" />
        <source>There is no such ticket.</source>
        <translation>没有这个号码。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="57" />
        <source>There is no open ticket {number} today.</source>
        <translation>今天没有待办的{number}号。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="58" />
        <source>{number} belongs to window {window}.</source>
        <translation>{number}属于{window}号窗口。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="59" />
        <source>{number} is not at window {window}.</source>
        <translation>{number}不在{window}号窗口。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="60" />
        <source>{number} was transferred to window {window}.</source>
        <translation>{number}已转给{window}号窗口。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="61" />
        <source>You are logged in at window {window}, not {other}.</source>
        <translation>您登录在{window}号窗口，不是{other}号窗口。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="62" />
        <source>This counter belongs to window {window}, not {other}.</source>
        <translation>本机属于{window}号窗口，不是{other}号窗口。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="63" />
        <source>{number} is {status}: only a called ticket can be recalled.</source>
        <translation>{number}{status}，只有已叫号的号码可以重呼。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="64" />
        <source>{number} is {status}: only a called ticket can be marked a no-show.</source>
        <translation>{number}{status}，只有已叫号的号码可以过号。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="67" />
        <source>{number} is {status}: only a called ticket can be started.</source>
        <translation>{number}{status}，只有已叫号的号码可以开始办理。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="68" />
        <source>Recalled {count} times: mark it a no-show.</source>
        <translation>已重呼{count}次，请按过号处理。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="69" />
        <source>{number} is {status}, not a no-show.</source>
        <translation>{number}{status}，不是过号的号码。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="70" />
        <source>A missed number needs a new ticket.</source>
        <translation>过号请重新取号。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="71" />
        <source>{number} is {status}, not being served.</source>
        <translation>{number}{status}，不在办理中。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="72" />
        <source>{number} is {status}: it cannot be transferred.</source>
        <translation>{number}{status}，不能转移。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="73" />
        <source>Give a category or a window to transfer to.</source>
        <translation>请选择要转到的业务或窗口。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="74" />
        <source>{category} takes no tickets now: {reason}</source>
        <translation>{category}现在不能取号：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="76" />
        <source>Tickets can be taken</source>
        <translation>可以取号</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="77" />
        <source>Outside ticket hours</source>
        <translation>现在不在取号时间</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="78" />
        <source>Past today's cut-off ({detail})</source>
        <translation>已过取号截止时间（{detail}）</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="79" />
        <source>Today's tickets are all given out ({detail})</source>
        <translation>今日号源已取完（{detail}）</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="80" />
        <source>Closed today ({detail})</source>
        <translation>今天休息（{detail}）</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="81" />
        <source>Closed today</source>
        <translation>今天休息</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="82" />
        <source>This year's working-day calendar is not entered yet: please ask at the service desk</source>
        <translation>今年的工作日历尚未录入，请到服务台咨询</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="83" />
        <source>This service takes no tickets for now</source>
        <translation>这类业务暂停取号</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="84" />
        <source>{why}; next tickets from {weekday}, {date}, {time}</source>
        <translation>{why}，下次取号时间：{date}（{weekday}）{time}</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="85" />
        <source>no tickets in the last {minutes} minutes before closing</source>
        <translation>闭馆前{minutes}分钟停止取号</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="86" />
        <source>{count} a day</source>
        <translation>每日{count}个</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="87" />
        <source>Some services take no tickets now</source>
        <translation>部分业务现在不能取号</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="88" />
        <source>{month}/{day}</source>
        <translation>{month}月{day}日</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="90" />
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="91" />
        <source>Unknown terminal or wrong credential: enroll this terminal again.</source>
        <translation>终端未知或凭据错误，请重新登记本终端。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="94" />
        <source>Terminal accounts log in with their credential.</source>
        <translation>终端账号须用终端凭据登录。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="95" />
        <source>A clerk logs in at a window: give the window.</source>
        <translation>窗口人员须在窗口登录，请填写窗口号。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="96" />
        <source>Too many failed card logins at this counter: wait a minute.</source>
        <translation>本机刷卡登录失败次数过多，请一分钟后再试。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="99" />
        <source>Too many failed logins: try again in {seconds} s.</source>
        <translation>登录失败次数过多，请 {seconds} 秒后再试。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="100" />
        <source>Too many failed attempts: wait and try again.</source>
        <translation>尝试次数过多，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="101" />
        <source>This ID card is not registered as a staff card.</source>
        <translation>这张身份证没有登记为工作人员卡。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="102" />
        <source>This terminal waits for an administrator's approval.</source>
        <translation>本终端正在等待管理员批准。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="103" />
        <source>This terminal was revoked by an administrator.</source>
        <translation>本终端已被管理员停用。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="104" />
        <source>Login failed: {reason}</source>
        <translation>登录失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="105" />
        <source>Card login failed: {reason}</source>
        <translation>刷卡登录失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="106" />
        <source>The center cannot be reached and this clerk has not logged in here before: no offline login.</source>
        <translation>中心无法连接，且本机没有该账号最近的登录记录，无法离线登录。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="109" />
        <source>Card login needs the center: while the network is down, log in with user name and password.</source>
        <translation>刷卡登录需要连接中心；网络中断时请用用户名和密码登录。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="112" />
        <source>Log in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="114" />
        <source>{what} needs the center, which cannot be reached now; acceptance and case search work as usual.</source>
        <translation>{what}需要连接中心，当前网络中断；受理、办件查询等其他工作可照常进行。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="118" />
        <source>No ticket is being served at this window: press F1 to call.</source>
        <translation>本窗口当前没有正在办理的号码，请按 F1 叫号。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="119" />
        <source>Enter the applicant's name.</source>
        <translation>请填写申请人姓名。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="120" />
        <source>The ID number is wrong: {reason}</source>
        <translation>身份证号码有误：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="127" />
        <source>an ID number starts with 17 digits.</source>
        <translation>前17位应为数字。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="128" />
        <source>a foreigner's permanent residence card number is 3 letters followed by 12 digits.</source>
        <translation>外国人永久居留身份证号码应为3个字母加12位数字。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="131" />
        <source>an ID number has 18 characters (15 on an older foreigner's permanent residence card), not {length}.</source>
        <translation>身份证号码应为18位（旧版外国人永久居留身份证为15位），现为{length}位。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="135" />
        <source>an ID number is 17 digits followed by a digit or X.</source>
        <translation>身份证号码应为17位数字加1位数字或X。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="136" />
        <source>the birth date in the number is impossible.</source>
        <translation>号码中的出生日期不存在。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="137" />
        <source>the region code in the number is invalid.</source>
        <translation>号码中的地区代码无效。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="138" />
        <source>the check digit is wrong (a typing mistake?).</source>
        <translation>校验位不对（可能输错了）。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="139" />
        <source>this card's number carries no birth date: read it from the card.</source>
        <translation>这种证件号码不含出生日期，请从证件读取。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="140" />
        <source>The phone number is too long (at most {max} digits).</source>
        <translation>联系电话过长（最多 {max} 位），请核对。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="141" />
        <source>This counter does not hold the case.</source>
        <translation>本机没有此办件。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="142" />
        <source>Another window accepted this case: find it under the center's cases.</source>
        <translation>本机没有此办件（其他窗口受理），请在“中心办件”中查找。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="145" />
        <source>The department decides this case in the back office: the window cannot complete it.</source>
        <translation>此件由承办部门在后台审批，窗口不能直接办结。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="148" />
        <source>List the materials that must be corrected.</source>
        <translation>请写明需要补正的材料。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="149" />
        <source>Enter a case number or an ID number, or scan the notice's QR code.</source>
        <translation>请输入办件编号、身份证号码或扫描通知书二维码。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="152" />
        <source>A courier delivery needs a tracking number.</source>
        <translation>快递出件须填写快递单号。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="153" />
        <source>Cannot deliver: {reason}</source>
        <translation>不能出件：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="154" />
        <source>The case is {current}: it cannot become {target}.</source>
        <translation>当前状态为“{current}”，不能改为“{target}”。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="155" />
        <source>A denial needs its reasons.</source>
        <translation>不予许可须写明理由。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="156" />
        <source>Name who receives the report.</source>
        <translation>请写明上报的接收单位。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="157" />
        <source>There is no ticket {number} today.</source>
        <translation>今天没有{number}号。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="158" />
        <source>No phone is known for this rating.</source>
        <translation>这次评价没有留下联系电话。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="159" />
        <source>Record the measures and the call-back first.</source>
        <translation>整改措施和群众回访都记录后才能办结。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="160" />
        <source>Back-office staff need a department.</source>
        <translation>后台审批人员须指定部门。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="161" />
        <source>No receipt printer is configured at this window.</source>
        <translation>本窗口未配置回执打印机。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="162" />
        <source>No offline numbers of {prefix} are left at this terminal: please call the staff.</source>
        <translation>本机离线号段已用完（{prefix}类），请联系工作人员。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="163" />
        <source>A refusal needs a reason and its legal basis.</source>
        <translation>不予受理须写明理由和法律依据。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="164" />
        <source>Nothing is missing: accept instead of telling what is missing.</source>
        <translation>材料已齐全，无需一次性告知。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="165" />
        <source>Nothing is missing: accept instead.</source>
        <translation>材料已齐全，请直接受理。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="166" />
        <source>There is no such case.</source>
        <translation>没有这个办件。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="167" />
        <source>Case {case} has no such task.</source>
        <translation>办件 {case} 没有这个任务。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="168" />
        <source>This task belongs to another department.</source>
        <translation>这个任务属于其他部门。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="169" />
        <source>This case has no task of your department.</source>
        <translation>这个办件没有本部门的任务。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="170" />
        <source>This task is closed already.</source>
        <translation>这个任务已经办结。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="171" />
        <source>A verification task is answered with its finding, not a decision.</source>
        <translation>核查任务请提交核查结果，不是审批决定。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="172" />
        <source>Case {case} waits for the corrected materials.</source>
        <translation>办件 {case} 正在等待补正材料。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="173" />
        <source>Case {case} is {status}: no decision now.</source>
        <translation>办件 {case} 当前为“{status}”，现在不能审批。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="174" />
        <source>Case {case} is {status}, not waiting for a correction.</source>
        <translation>办件 {case} 当前为“{status}”，不在等待补正。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="175" />
        <source>Name the special step (hearing, testing, expert review, site inspection…).</source>
        <translation>请写明特殊环节（听证、检验检测、专家评审、现场踏勘…）</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="176" />
        <source>Case {case} is {status}: no special step now.</source>
        <translation>办件 {case} 当前为“{status}”，现在不能进入特殊环节。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="177" />
        <source>Case {case} is not in a special step.</source>
        <translation>办件 {case} 不在特殊环节。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="178" />
        <source>Only a verification task takes a finding.</source>
        <translation>只有核查任务可以提交核查结果。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="179" />
        <source>A false commitment needs the finding written down.</source>
        <translation>承诺不实须写明核查情况。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="180" />
        <source>Case {case} is {status}: record a failed verification once the deferred materials or the special step are done.</source>
        <translation>办件 {case} 当前为“{status}”，请在容缺材料补齐或特殊环节结束后再记录核查不实。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="181" />
        <source>Case {case} is {status}: nothing to hand out yet.</source>
        <translation>办件 {case} 当前为“{status}”，还没有可出件的结果。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="182" />
        <source>This back-office account has no department.</source>
        <translation>这个后台账号没有指定部门。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="183" />
        <source>Case {case} is not decided yet.</source>
        <translation>办件 {case} 尚未审批。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="184" />
        <source>Case {case} is not waiting for a correction.</source>
        <translation>办件 {case} 不在等待补正。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="185" />
        <source>Case {case} was not terminated for missing materials.</source>
        <translation>办件 {case} 不是因材料未补齐而终止的。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="186" />
        <source>Case {case} has no commitment notice.</source>
        <translation>办件 {case} 没有告知承诺。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="187" />
        <source>Give an appointment code or an ID number.</source>
        <translation>请输入预约码或身份证号码。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="188" />
        <source>The disk is full: the last action was not saved. Ask the administrator to free space, then try again; saved data is not affected.</source>
        <translation>本机磁盘已满，刚才的操作没有保存；请联系管理员清理磁盘后重试，已保存的数据不受影响。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="194" />
        <source>By post</source>
        <translation>邮寄送达</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="195" />
        <source>By post, tracking number {tracking}</source>
        <translation>邮寄送达，快递单号 {tracking}</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="196" />
        <source>Collect at window {window}</source>
        <translation>{window}号窗口领取</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="197" />
        <source>Collect at the results desk</source>
        <translation>综合出件窗口领取</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="198" />
        <source>Decided on the spot</source>
        <translation>即时办结</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="199" />
        <source>Promised {promised} (legal limit {legal})</source>
        <translation>承诺{promised}（法定{legal}）</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="200" />
        <source>{days} working days</source>
        <translation>{days}个工作日</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="202" />
        <source>Calling</source>
        <translation>叫号</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="203" />
        <source>The queue</source>
        <translation>排队信息</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="204" />
        <source>Pausing the window</source>
        <translation>暂停服务</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="205" />
        <source>Resuming the window</source>
        <translation>恢复服务</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="206" />
        <source>Receiving corrections</source>
        <translation>补正收件</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="207" />
        <source>Case search</source>
        <translation>查找办件</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="208" />
        <source>Case details</source>
        <translation>办件详情</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="209" />
        <source>Delivering the result</source>
        <translation>出件</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="210" />
        <source>Recalling</source>
        <translation>重呼</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="211" />
        <source>Marking a no-show</source>
        <translation>过号</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="212" />
        <source>Starting service</source>
        <translation>开始办理</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="213" />
        <source>Finishing service</source>
        <translation>结束办理</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="214" />
        <source>Transferring</source>
        <translation>转移</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="215" />
        <source>Printing a notice</source>
        <translation>打印通知书</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="216" />
        <source>Delivering a case accepted at another window</source>
        <translation>出件（他窗口受理的办件）</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="217" />
        <source>Appointment check-in</source>
        <translation>预约签到</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="218" />
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="219" />
        <source>Case lookup</source>
        <translation>办件查询</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="221" />
        <source>error: {message}</source>
        <translation>错误：{message}</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="222" />
        <source>note: {message}</source>
        <translation>提示：{message}</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="223" />
        <source>warning: {message}</source>
        <translation>警告：{message}</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="224" />
        <source>The password does not meet the rules: {reason}</source>
        <translation>密码不符合要求：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="225" />
        <source>at least {min} characters.</source>
        <translation>至少 {min} 个字符。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="226" />
        <source>it must contain letters and digits.</source>
        <translation>须同时含字母和数字。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="227" />
        <source>it must not be a common password or contain the user name.</source>
        <translation>不能是常见密码或包含用户名。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="228" />
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="229" />
        <source>This database already has an administrator: it is not initialised again.</source>
        <translation>这个数据库已有管理员，拒绝重新初始化。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="230" />
        <source>The user name {name} is not valid: a letter first, then 2–40 letters, digits or _.- in all.</source>
        <translation>用户名“{name}”不合规：字母开头，2–40 个字母、数字或 _.-</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="231" />
        <source>The hall code {value} must be 1–8 capital letters or digits.</source>
        <translation>大厅代码“{value}”应为 1–8 个大写字母或数字。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="236" />
        <source>The answer from {url} is not the center's protocol ({what}): the data stays on this terminal and is sent again later.</source>
        <translation>中心的应答无法识别（{what}，来自 {url}），数据已保留在本机，稍后重试。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="316" />
        <source>the sites sheet has no site {value}</source>
        <translation>站点表中没有站点“{value}”</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="321" />
        <source>the items sheet has no code {value}</source>
        <translation>事项表中没有编码“{value}”</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="326" />
        <source>the departments sheet has no department {value}</source>
        <translation>部门表中没有部门“{value}”</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="232" />
        <source>No {device} is configured: set devices.{key} in hall.toml ([devices] {key} = "{example}") or the environment variable {env}; `hall doctor` checks it.</source>
        <translation>未配置{device}：请在 hall.toml 中设置 devices.{key}（[devices] {key} = "{example}"）或环境变量 {env}；`hall doctor` 可以检查。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="122" />
        <source>Enter an 11-digit mobile number.</source>
        <translation>请输入11位手机号码。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="123" />
        <source>A phone number for SMS reminders needs the citizen's consent.</source>
        <translation>留存手机号码接收短信提醒须经本人同意。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="126" />
        <source>Unknown consent text version {version}.</source>
        <translation>未知的同意书版本：{version}。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="233" />
        <source>ID-card reader</source>
        <translation>身份证阅读器</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="234" />
        <source>ticket printer</source>
        <translation>取号小票打印机</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="235" />
        <source>receipt printer</source>
        <translation>回执打印机</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="237" />
        <source>The holiday calendar of {year} is not published or not entered yet: an administrator enters {year} in the working-day calendar before dates in {year} can be counted.</source>
        <translation>{year}年的节假日安排尚未发布或未录入，请管理员在工作日历中录入{year}年。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="238" />
        <source>{month}/{year}</source>
        <translation>{year}年{month}月</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="239" />
        <source>Mo Tu We Th Fr Sa Su</source>
        <translation>一二三四五六日</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="240" />
        <source>The time range {part} must look like 09:00-12:00.</source>
        <translation>时间段“{part}”应写作 09:00-12:00。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="241" />
        <source>The time range {part} is not a valid range.</source>
        <translation>时间段“{part}”不成立。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="242" />
        <source>The time ranges {first} and {second} overlap.</source>
        <translation>时间段 {first} 与 {second} 重叠。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="243" />
        <source>Nothing matches {query}.</source>
        <translation>没有找到与“{query}”相关的事项。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="244" />
        <source>(no window recorded)</source>
        <translation>（未记录窗口）</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="245" />
        <source>(not recorded)</source>
        <translation>（未记录）</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="246" />
        <source>Window {window}</source>
        <translation>{window}号窗口</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="248" />
        <source>ID-card reader: {message}</source>
        <translation>身份证读卡器：{message}</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="249" />
        <source>Reader {url}: SAM ready; SAM id {sam}</source>
        <translation>读卡器 {url}：SAM 正常；SAM 编号 {sam}</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="250" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="251" />
        <source>The printer is offline or not responding.</source>
        <translation>打印机离线或无响应。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="252" />
        <source>The printer's cover is open: close it.</source>
        <translation>打印机上盖未关好，请合上盖子。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="253" />
        <source>The printer is out of paper: load a new roll.</source>
        <translation>打印机缺纸，请更换纸卷。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="254" />
        <source>The printer stopped mid-job ({state}): the ticket was not printed whole and counts as not printed.</source>
        <translation>打印中途{state}，票据没有打完，视为未打印。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="255" />
        <source>out of paper</source>
        <translation>缺纸</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="256" />
        <source>the cover was opened</source>
        <translation>开盖</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="257" />
        <source>fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="258" />
        <source>went offline</source>
        <translation>脱机</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="259" />
        <source>Printer fault: {detail}</source>
        <translation>打印机故障：{detail}</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="260" />
        <source>The paper is nearly used up: replace the roll soon.</source>
        <translation>打印纸即将用完，请尽快更换纸卷。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="261" />
        <source>This connection cannot read the printer's status: paper and offline were not checked.</source>
        <translation>此接口无法读取打印机状态，未检查缺纸/离线。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="262" />
        <source>The status check is switched off in the printer URL (status=off).</source>
        <translation>已按配置跳过状态检查（打印机地址中 status=off）。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="263" />
        <source>Cannot reach the printer {printer}: check its power and cable ({error}).</source>
        <translation>无法连接打印机 {printer}，请检查电源和连线（{error}）。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="264" />
        <source>Cannot reach the printer {printer}: {error}</source>
        <translation>无法连接打印机 {printer}：{error}</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="265" />
        <source>Sending to the printer {printer} failed: {error}</source>
        <translation>向打印机 {printer} 发送打印数据失败：{error}</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="266" />
        <source>The printer {printer} did not answer the status request ({error}).</source>
        <translation>打印机 {printer} 无响应（状态查询：{error}）。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="267" />
        <source>The printer {printer} did not answer the status request.</source>
        <translation>打印机 {printer} 没有应答状态查询。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="268" />
        <source>The simulated printer did not answer.</source>
        <translation>模拟打印机无响应。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="269" />
        <source>The simulated printer rejected the job: {error}</source>
        <translation>模拟打印机无法解析数据：{error}</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="270" />
        <source>win32:// printers exist only on Windows.</source>
        <translation>win32:// 打印机仅在 Windows 上可用。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="271" />
        <source>USB printing needs pyusb and libusb installed ({detail}).</source>
        <translation>USB 打印需要安装 pyusb 和 libusb（{detail}）。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="272" />
        <source>cups:// needs pycups and CUPS installed.</source>
        <translation>cups:// 需要安装 pycups 和 CUPS。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="273" />
        <source>win32:// needs pywin32 installed.</source>
        <translation>win32:// 需要安装 pywin32。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="274" />
        <source>Unknown printer profile {name}; known: {known}</source>
        <translation>未知的打印机型号配置“{name}”；可用：{known}</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="275" />
        <source>Invalid printer URL {url}: {why}</source>
        <translation>打印机地址无效 {url}：{why}</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="276" />
        <source>The printer answered DLE EOT {n} with 0x{value}, not a status byte.</source>
        <translation>打印机返回了无法识别的状态（DLE EOT {n}：0x{value}）。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="277" />
        <source>The cutter is jammed: open the cover and clear the paper.</source>
        <translation>切刀卡住，请打开上盖清除卡纸。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="278" />
        <source>Unrecoverable error: switch the printer off and call service.</source>
        <translation>不可恢复的故障，请关机检修。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="279" />
        <source>The print head is too hot: wait a moment and try again.</source>
        <translation>打印头过热，请稍候再试。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="280" />
        <source>Recoverable error: check the printer and try again.</source>
        <translation>可恢复的故障，请检查打印机后重试。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="281" />
        <source>{printer}: this connection cannot read the printer's status.</source>
        <translation>{printer}：此接口无法读取状态。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="282" />
        <source>Printed {kind}: {bytes} bytes to {printer}.</source>
        <translation>已打印{kind}：{bytes} 字节发往 {printer}。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="283" />
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="284" />
        <source>cover open</source>
        <translation>上盖打开</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="285" />
        <source>paper out</source>
        <translation>缺纸</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="286" />
        <source>paper near end</source>
        <translation>纸将用尽</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="287" />
        <source>cutter error</source>
        <translation>切刀故障</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="288" />
        <source>unrecoverable error</source>
        <translation>不可恢复故障</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="289" />
        <source>auto-recoverable error (e.g. head too hot)</source>
        <translation>打印头过热等可自动恢复故障</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="290" />
        <source>recoverable error</source>
        <translation>可恢复故障</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="291" />
        <source>ready</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="292" />
        <source>{first}, {rest}</source>
        <translation>{first}，{rest}</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="294" />
        <source>{path}: {count} problem(s), nothing was written:
{lines}</source>
        <translation>{path}：工作簿有 {count} 处错误，未写入任何数据：
{lines}</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="295" />
        <source>… and {count} more</source>
        <translation>……另有 {count} 处</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="296" />
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="297" />
        <source>{where}: {reason}</source>
        <translation>{where}：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="298" />
        <source>{where} ({header})</source>
        <translation>{where}（{header}）</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="299" />
        <source>required, cannot be empty</source>
        <translation>必填，不能为空</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="300" />
        <source>text expected, not a date</source>
        <translation>应为文字，不是日期</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="301" />
        <source>a whole number expected</source>
        <translation>应为整数</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="302" />
        <source>{value} is not a whole number</source>
        <translation>“{value}”不是整数</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="303" />
        <source>{value} is not a non-negative whole number</source>
        <translation>“{value}”不是非负整数</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="304" />
        <source>{value} is not a number of working days</source>
        <translation>“{value}”不是工作日数</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="305" />
        <source>{value}: whole or half working days expected (such as 2.5)</source>
        <translation>“{value}”应为整数或半天（如 2.5）</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="306" />
        <source>{value}: yes or no expected</source>
        <translation>“{value}”应为 是 或 否</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="307" />
        <source>{value} is not one of {choices}</source>
        <translation>“{value}”不是 {choices} 之一</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="308" />
        <source>{value} must be written as step name:days</source>
        <translation>“{value}”应写作 环节名:天数</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="309" />
        <source>the sheet is missing</source>
        <translation>缺少工作表</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="310" />
        <source>the header row is missing</source>
        <translation>缺少表头行</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="311" />
        <source>unknown column</source>
        <translation>未知的列</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="312" />
        <source>duplicate column</source>
        <translation>列重复</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="313" />
        <source>a required column is missing</source>
        <translation>缺少必填列</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="314" />
        <source>{what} {value} appears twice (row {row} has it already)</source>
        <translation>{what}“{value}”重复（第 {row} 行已有）</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="315" />
        <source>exactly one county center expected, there are {count}</source>
        <translation>应有且只有一个县级中心，现有 {count} 个</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="317" />
        <source>the site one level up must be {wanted}</source>
        <translation>上级站点应为{wanted}</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="318" />
        <source>empty</source>
        <translation>留空</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="319" />
        <source>the county center</source>
        <translation>县级中心</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="320" />
        <source>a township (street) or the county center</source>
        <translation>乡镇（街道）或县级中心</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="322" />
        <source>file not found</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="323" />
        <source>not an Excel workbook (.xlsx): {error}</source>
        <translation>不是 Excel 工作簿（.xlsx）：{error}</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="324" />
        <source>the hall sheet has one row only</source>
        <translation>大厅表只能有一行</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="325" />
        <source>the prefix {prefix} must be one capital letter</source>
        <translation>前缀“{prefix}”应为一个大写字母</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="327" />
        <source>the categories sheet has no prefix {prefix}</source>
        <translation>业务类别表中没有前缀“{prefix}”</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="328" />
        <source>the promised limit of {promised} days is longer than the legal limit of {legal} days</source>
        <translation>承诺时限 {promised} 天长于法定时限 {legal} 天</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="329" />
        <source>the items sheet has no items</source>
        <translation>事项表没有任何事项</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="330" />
        <source>the materials sheet has no materials of this item</source>
        <translation>材料表中没有这个事项的材料</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="331" />
        <source>the staff sheet has no user name {name}</source>
        <translation>人员表中没有用户名“{name}”</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="332" />
        <source>the windows sheet has no window {window}</source>
        <translation>窗口表中没有窗口 {window}</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="333" />
        <source>category {prefix} is served by {count} window(s) only: A/B posts need 2</source>
        <translation>业务类别 {prefix} 只有 {count} 个窗口办理，A/B 岗需要 2 个</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="334" />
        <source>site code</source>
        <translation>站点编码</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="335" />
        <source>department code</source>
        <translation>部门代码</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="336" />
        <source>prefix</source>
        <translation>前缀</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="337" />
        <source>item code</source>
        <translation>事项编码</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="338" />
        <source>window number</source>
        <translation>窗口号</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="339" />
        <source>user name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="341" />
        <source>Sent to the departments in charge</source>
        <translation>分送承办部门</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="342" />
        <source>Sent to the departments in charge (joint approval)</source>
        <translation>分送承办部门（并联审批）</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="343" />
        <source>Returned for correction: {items}</source>
        <translation>退回补正：{items}</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="344" />
        <source>Commitment found untrue, returned for correction: {items}</source>
        <translation>核查不实，退回补正：{items}</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="345" />
        <source>Reported to {receiver}</source>
        <translation>上报：{receiver}</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="347" />
        <source>{what} needs the center, and the network is down now. Try again later or ask at the service desk.</source>
        <translation>{what}需要连接中心，现在网络中断。请稍后再试，或到服务台咨询。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="350" />
        <source>Enter the last 6 characters of the ID number (the last one may be X).</source>
        <translation>请输入身份证号码的后6位（最后一位可能是X）</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="353" />
        <source>No case found: check the case number and the last 6 characters of the ID number. A case accepted just now may take a few minutes to appear.</source>
        <translation>没有找到这个办件，请核对办件编号和身份证后6位。刚受理的办件可能需要几分钟才能查到。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="358" />
        <source>No case found. A case accepted just now may take a few minutes to appear.</source>
        <translation>没有找到这个办件。刚受理的办件可能需要几分钟才能查到。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="361" />
        <source>This QR code is not a case of this hall: scan the QR code on the acceptance notice or receipt.</source>
        <translation>这个二维码不是本大厅的办件二维码，请扫描受理通知书或回执上的二维码。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="364" />
        <source>This visit is rated already. Thank you for your rating.</source>
        <translation>这次办事已经评价过了，感谢您的评价。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="365" />
        <source>This ticket is not served yet: rate it after your visit.</source>
        <translation>这个号还没有办理，办理完后再来评价。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="366" />
        <source>No printer is configured at this terminal.</source>
        <translation>本机未配置打印机。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="368" />
        <source>Enter the number on your ticket, for example A023.</source>
        <translation>请输入小票上的号码，例如 A023。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="369" />
        <source>Choose at least one.</source>
        <translation>请至少选择一项。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="370" />
        <source>A mobile number has 11 digits: please check it. You may also submit without a number.</source>
        <translation>手机号码应为11位数字，请核对；不留电话也可以直接提交。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="371" />
        <source>Enter the case number (on the acceptance notice or the receipt).</source>
        <translation>请输入办件编号（在受理通知书或回执上）。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="372" />
        <source>Nothing found: try another word, or browse by department.</source>
        <translation>没有找到相关事项，请换个关键词，或按部门查找。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="373" />
        <source>The printer cannot print now: take a photo of the screen, or ask at the service desk for a printed guide.</source>
        <translation>打印机暂时无法打印，您可以拍下屏幕或到服务台领取纸质指南。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="374" />
        <source>The printer cannot print the ticket now. Your number is valid: remember it or take a photo of the screen, and tell it at the window when it is called.</source>
        <translation>打印机暂时无法出票。您的号码已经生效，请记住或拍下屏幕上的号码，叫到号时到窗口报号即可。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="375" />
        <source>No ticket can be taken right now: please ask at the service desk.</source>
        <translation>暂时无法取号，请到服务台咨询。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="376" />
        <source>The ID card was not read: lay it flat on the reader and keep it still.</source>
        <translation>没有读到身份证，请把身份证平放在感应区，不要移动。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="377" />
        <source>This service needs your ID card for a ticket. Without the card, please ask at the service desk.</source>
        <translation>这类业务需要刷身份证取号。没有带身份证请到服务台咨询。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="378" />
        <source>To get the SMS reminder, tick 'I agree'; otherwise choose to take the ticket without a reminder.</source>
        <translation>如需短信提醒，请勾选“本人同意”；不需要请选择“不需要提醒，直接取号”。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="381" />
        <source>An appointment code has 4 to 20 digits or letters: please check it and enter it again.</source>
        <translation>预约码是4到20位数字或字母，请核对后重新输入。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="383" />
        <source>One ID card holds one ticket per category at a time. Please watch for your call; you may take another ticket after it.</source>
        <translation>同一类业务，一个身份证同一时间只能持有一个号。请留意叫号，办理完后可以再取号。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="388" />
        <source>You missed several calls recently, so by this hall's rule you cannot take a ticket by ID card for now. Please ask at the service desk: the staff will help you.</source>
        <translation>近期多次叫号未到，按本大厅规定暂时不能用身份证取号。请到服务台咨询，工作人员会帮您办理。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="393" />
        <source>Today's tickets for this service are all given out. Book another day, or ask at the service desk.</source>
        <translation>今天这类业务的号已经发完了。您可以预约其他日期，或到服务台咨询。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="396" />
        <source>No appointment of yours today was found, or it was checked in already. Check the code, or ask at the service desk.</source>
        <translation>没有找到您今天的预约，或者已经签到过了。请核对预约码，或到服务台咨询。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="401" />
        <source>This appointment is for another service: please ask at the service desk.</source>
        <translation>这个预约属于另一类业务，请到服务台咨询。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="404" />
        <source>No tickets for this service now: please ask at the service desk.</source>
        <translation>这类业务现在不能取号，请到服务台咨询。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="407" />
        <source>The ID number is not valid: read the card again or check the number.</source>
        <translation>身份证号码不正确，请重新刷卡或核对号码。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="410" />
        <source>{site} does not accept {item}: it is applied for at {parent}.</source>
        <translation>{site}不受理“{item}”，请到{parent}申请办理。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="414" />
        <source>The agent is the applicant: read the agent's own ID card, or accept without an agent.</source>
        <translation>代办人与申请人为同一人：请读取代办人本人的身份证，或不经代办直接受理。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="417" />
        <source>Enter the agent's name.</source>
        <translation>请填写代办人姓名。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="418" />
        <source>Choose the authorisation the agent brought (a letter of entrustment or an agency form).</source>
        <translation>请选择代办人提交的授权材料（授权委托书或代办委托书）。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="421" />
        <source>The authorisation's description is too long (at most {max} characters).</source>
        <translation>授权材料说明过长（最多{max}个字）。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="424" />
        <source>The authorisation ran out on {until}: the applicant must sign a new one.</source>
        <translation>授权委托已于{until}到期，请申请人重新签署授权委托书。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="428" />
        <source>A project has 1 to 12 approval stages.</source>
        <translation>一个项目须有1至12个审批阶段。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="429" />
        <source>Each stage needs its own name (at most 60 characters, no two the same).</source>
        <translation>每个阶段须有名称（不超过60个字，且不得重复）。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="432" />
        <source>There is no such project.</source>
        <translation>没有这个项目。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="433" />
        <source>There is no active staff member {username}.</source>
        <translation>没有在岗的工作人员{username}。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="434" />
        <source>The project has no stage {position}.</source>
        <translation>项目没有第{position}个阶段。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="435" />
        <source>The stage {stage} has started already.</source>
        <translation>“{stage}”阶段已经开始。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="436" />
        <source>Finish {before} before {stage} starts.</source>
        <translation>请先办结“{before}”，再开始“{stage}”。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="437" />
        <source>The stage {stage} is not under way.</source>
        <translation>“{stage}”阶段不在办理中。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="438" />
        <source>The date of {stage} comes before the stage it follows.</source>
        <translation>“{stage}”的日期早于上一阶段。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="440" />
        <source>{category} cannot be booked online.</source>
        <translation>“{category}”暂不提供网上预约。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="441" />
        <source>Appointments can be booked for the next {days} days only.</source>
        <translation>仅可预约今后{days}天内的时段。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="442" />
        <source>Booking for this time slot has closed ({minutes} min before it starts).</source>
        <translation>该时段已停止预约（开始前{minutes}分钟截止）。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="443" />
        <source>There is no such time slot.</source>
        <translation>没有这个预约时段。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="444" />
        <source>This day is fully booked: please choose another day.</source>
        <translation>当天已约满，请选择其他日期。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="445" />
        <source>This time slot was just taken: please choose another one.</source>
        <translation>该时段刚刚约满，请选择其他时段。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="446" />
        <source>Please enter an 11-digit mobile number.</source>
        <translation>请填写11位手机号码。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="447" />
        <source>Please enter your real name.</source>
        <translation>请填写真实姓名。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="448" />
        <source>Please agree that the hall may text you about this appointment.</source>
        <translation>请同意大厅通过短信告知预约事项。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="449" />
        <source>{misses} missed appointments in the last {days} days: booking is paused until {until}.</source>
        <translation>近{days}天内{misses}次预约未到，{until}前暂停预约。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="450" />
        <source>You already hold {count} appointments: cancel one before booking another.</source>
        <translation>您已有{count}个未办理的预约，请先取消一个再预约。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="451" />
        <source>Too many booking requests: please try again later.</source>
        <translation>预约请求过于频繁，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="452" />
        <source>Too many SMS codes asked for: please try again in {seconds} s.</source>
        <translation>获取验证码过于频繁，请{seconds}秒后再试。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="455" />
        <source>There is no such service item in this category.</source>
        <translation>该类业务下没有这个事项。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="456" />
        <source>This booking request is unknown: please start again.</source>
        <translation>未找到该预约申请，请重新预约。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="457" />
        <source>Too many wrong codes: please start the booking again.</source>
        <translation>验证码错误次数过多，请重新预约。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="458" />
        <source>The code has expired: please start the booking again.</source>
        <translation>验证码已过期，请重新预约。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="459" />
        <source>The code is wrong: {left} tries left.</source>
        <translation>验证码不正确，还可以尝试{left}次。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="460" />
        <source>There is no such appointment.</source>
        <translation>未找到该预约。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="461" />
        <source>This appointment can no longer be cancelled.</source>
        <translation>该预约已无法取消。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="462" />
        <source>This appointment can no longer be changed.</source>
        <translation>该预约已无法改约。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="463" />
        <source>An appointment can be changed {count} times at most.</source>
        <translation>每个预约最多改约{count}次。</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="470" />
        <source>waiting</source>
        <translation>在等候中</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="471" />
        <source>called</source>
        <translation>已叫号</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="472" />
        <source>being served</source>
        <translation>正在办理</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="473" />
        <source>finished</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="474" />
        <source>a no-show</source>
        <translation>已过号</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="475" />
        <source>transferred</source>
        <translation>已转移</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="476" />
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="479" />
        <source>Not logged in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="480" />
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="481" />
        <source>Serving</source>
        <translation>服务中</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="482" />
        <source>Window paused</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="486" />
        <location filename="../../app/i18n/messages.py" line="557" />
        <location filename="../../app/i18n/messages.py" line="572" />
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="487" />
        <location filename="../../app/i18n/messages.py" line="558" />
        <location filename="../../app/i18n/messages.py" line="573" />
        <source>Accepted, materials deferred</source>
        <translation>容缺受理</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="488" />
        <location filename="../../app/i18n/messages.py" line="578" />
        <source>Told what is missing</source>
        <translation>已一次性告知</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="489" />
        <location filename="../../app/i18n/messages.py" line="577" />
        <source>Refused</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="490" />
        <source>Correction</source>
        <translation>补正中</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="491" />
        <location filename="../../app/i18n/messages.py" line="560" />
        <location filename="../../app/i18n/messages.py" line="575" />
        <source>Special procedure</source>
        <translation>特殊环节</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="492" />
        <source>Completed, approved</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="493" />
        <source>Not approved</source>
        <translation>不予许可</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="494" />
        <location filename="../../app/i18n/messages.py" line="507" />
        <location filename="../../app/i18n/messages.py" line="561" />
        <location filename="../../app/i18n/messages.py" line="576" />
        <source>Delivered</source>
        <translation>已出件</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="495" />
        <location filename="../../app/i18n/messages.py" line="508" />
        <source>Case terminated</source>
        <translation>已终止</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="499" />
        <source>Accepted, in progress</source>
        <translation>已受理，正在办理</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="500" />
        <source>Accepted with materials to supply later</source>
        <translation>容缺受理，待补交材料</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="501" />
        <source>Told once what is missing: accepted when complete</source>
        <translation>已一次性告知，待补齐材料后受理</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="502" />
        <source>Not accepted</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="503" />
        <source>Waiting for corrections</source>
        <translation>补正中</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="504" />
        <source>Special procedure (time limit paused)</source>
        <translation>特殊环节（暂停计时）</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="505" />
        <source>Completed: the result can be collected</source>
        <translation>已办结，可领取结果</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="506" />
        <source>Completed (not approved)</source>
        <translation>已办结（不予许可）</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="512" />
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="513" />
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="514" />
        <source>Basically satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="515" />
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="516" />
        <source>Very dissatisfied</source>
        <translation>非常不满意</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="520" />
        <location filename="../../app/i18n/messages.py" line="529" />
        <source>Long wait</source>
        <translation>等候时间长</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="521" />
        <source>Poor service attitude</source>
        <translation>服务态度差</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="522" />
        <source>Requirements not told clearly at once</source>
        <translation>一次性告知不清楚</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="523" />
        <source>Slow handling</source>
        <translation>办理效率低</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="524" />
        <location filename="../../app/i18n/messages.py" line="531" />
        <source>Had to come several times</source>
        <translation>多次跑腿</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="525" />
        <source>Poor facilities</source>
        <translation>环境设施差</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="528" />
        <source>Service attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="530" />
        <source>Unclear material requirements</source>
        <translation>材料要求不清楚</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="532" />
        <source>Facilities and environment</source>
        <translation>设施环境</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="533" />
        <source>Suggestions</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="536" />
        <location filename="../../app/i18n/messages.py" line="601" />
        <source>Decided at once</source>
        <translation>即办件</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="537" />
        <source>Promised time limit</source>
        <translation>承诺件</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="538" />
        <source>Joint case</source>
        <translation>联办件</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="539" />
        <source>Reported upward</source>
        <translation>上报件</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="542" />
        <source>Collect at the window</source>
        <translation>窗口领取</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="543" />
        <source>Courier delivery</source>
        <translation>快递送达</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="544" />
        <source>Download online</source>
        <translation>网上下载</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="549" />
        <location filename="../../app/i18n/messages.py" line="564" />
        <source>Waiting for approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="550" />
        <location filename="../../app/i18n/messages.py" line="565" />
        <source>Reported to the higher level</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="551" />
        <location filename="../../app/i18n/messages.py" line="566" />
        <location filename="../../app/i18n/messages.py" line="588" />
        <source>Returned for correction</source>
        <translation>退回补正</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="552" />
        <location filename="../../app/i18n/messages.py" line="585" />
        <source>Granted</source>
        <translation>准予</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="553" />
        <location filename="../../app/i18n/messages.py" line="586" />
        <source>Not granted</source>
        <translation>不予许可</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="554" />
        <location filename="../../app/i18n/messages.py" line="569" />
        <source>Verified as true</source>
        <translation>核查属实</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="555" />
        <location filename="../../app/i18n/messages.py" line="570" />
        <source>Found untrue</source>
        <translation>核查不实</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="556" />
        <location filename="../../app/i18n/messages.py" line="571" />
        <source>Ended</source>
        <translation>已终止</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="559" />
        <location filename="../../app/i18n/messages.py" line="574" />
        <source>In correction</source>
        <translation>补正中</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="567" />
        <source>Granted (to be handed out)</source>
        <translation>准予（待出件）</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="568" />
        <source>Not granted (to be handed out)</source>
        <translation>不予许可（待出件）</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="581" />
        <source>Acceptance</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="582" />
        <source>Status change</source>
        <translation>状态变更</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="583" />
        <source>Sent to the departments</source>
        <translation>分送部门</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="584" />
        <source>Opinion</source>
        <translation>审核意见</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="587" />
        <source>Approval completed</source>
        <translation>审批办结</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="589" />
        <source>Correction received</source>
        <translation>补正收件</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="590" />
        <source>Special step begins</source>
        <translation>特殊环节开始</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="591" />
        <source>Special step ends</source>
        <translation>特殊环节结束</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="592" />
        <source>Report upward</source>
        <translation>上报</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="593" />
        <source>Verification</source>
        <translation>核查</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="594" />
        <source>Hand-out</source>
        <translation>出件</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="595" />
        <source>Deferral reminder</source>
        <translation>容缺提醒</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="596" />
        <source>Termination</source>
        <translation>终止</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="599" />
        <source>Accept</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="600" />
        <source>Accept with deferral</source>
        <translation>容缺受理</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="602" />
        <source>Tell what is missing</source>
        <translation>一次性告知</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="603" />
        <source>Refuse</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="606" />
        <source>Handed in</source>
        <translation>已收</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="607" />
        <source>Missing</source>
        <translation>缺</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="608" />
        <source>Deferred</source>
        <translation>容缺</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="609" />
        <source>Commitment</source>
        <translation>告知承诺</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="610" />
        <source>Incorrect</source>
        <translation>有误</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="613" />
        <source>Acceptance notice</source>
        <translation>受理通知书</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="614" />
        <source>Notice of what is missing</source>
        <translation>一次性告知书</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="615" />
        <source>Deferral commitment</source>
        <translation>容缺受理承诺书</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="616" />
        <source>Commitment notice</source>
        <translation>告知承诺书</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="617" />
        <source>Correction notice</source>
        <translation>补正材料通知书</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="618" />
        <source>Approval decision</source>
        <translation>准予许可决定书</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="619" />
        <source>Denial decision</source>
        <translation>不予许可决定书</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="620" />
        <source>Termination notice</source>
        <translation>终止办理通知书</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="624" />
        <source>Starting a business</source>
        <translation>企业开办</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="625" />
        <source>Real estate registration</source>
        <translation>不动产登记</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="626" />
        <source>Social and medical insurance</source>
        <translation>社保医保</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="627" />
        <source>Civil affairs</source>
        <translation>民生事务</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="628" />
        <source>Construction projects</source>
        <translation>工程建设</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="629" />
        <source>Transport</source>
        <translation>交通运输</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="630" />
        <source>Household registration and exit-entry</source>
        <translation>公安户政</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="631" />
        <source>Agriculture, culture and tourism</source>
        <translation>农业文旅</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="632" />
        <source>Taxation</source>
        <translation>税务综合</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="635" />
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="636" />
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="637" />
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="638" />
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="639" />
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="640" />
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="641" />
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="644" />
        <source>Letter of entrustment</source>
        <translation>授权委托书</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="645" />
        <source>Legal representative's letter of entrustment</source>
        <translation>法定代表人授权委托书</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="646" />
        <source>Employer's letter of introduction</source>
        <translation>单位介绍信</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="647" />
        <source>Agency form</source>
        <translation>代办委托书</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="650" />
        <source>Project approval, land use and planning permits</source>
        <translation>立项用地规划许可</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="651" />
        <source>Construction project permit</source>
        <translation>工程建设许可</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="652" />
        <source>Construction permit</source>
        <translation>施工许可</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="653" />
        <source>Completion acceptance</source>
        <translation>竣工验收</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="656" />
        <source>not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="657" />
        <source>under way</source>
        <translation>办理中</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="658" />
        <source>done</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="661" />
        <source>Entrusted person</source>
        <translation>受托人</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="662" />
        <source>Hall agent</source>
        <translation>帮办代办员</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="665" />
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="666" />
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="667" />
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="668" />
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="669" />
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="670" />
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <location filename="../../app/i18n/messages.py" line="671" />
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <location filename="../../kiosk/pages/base.py" line="175" />
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/base.py" line="177" />
        <source>Home</source>
        <translation>首页</translation>
    </message>
</context>
<context>
    <name>PinPage</name>
    <message>
        <location filename="../../kiosk/shell.py" line="49" />
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../kiosk/shell.py" line="55" />
        <source>Enter the administrator PIN to leave the kiosk</source>
        <translation>请输入管理员密码以退出自助终端</translation>
    </message>
    <message>
        <location filename="../../kiosk/shell.py" line="60" />
        <source>Leave kiosk</source>
        <translation>退出自助终端</translation>
    </message>
</context>
<context>
    <name>PinyinKeyboard</name>
    <message>
        <location filename="../../kiosk/pages/osk.py" line="77" />
        <source>Space</source>
        <translation>空格</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/osk.py" line="78" />
        <source>Clear</source>
        <translation>清空</translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="23" />
        <source>Case progress</source>
        <translation>办件进度查询</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="26" />
        <source>Scan the QR code on your notice, or enter the case number</source>
        <translation>请扫描通知书上的二维码，或输入办件编号</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="41" />
        <source>Scan the QR code on your notice or receipt under the scanner.</source>
        <translation>请将受理通知书或回执上的二维码对准扫描口。</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="42" />
        <source>Or enter the case number and the last 6 characters of the ID number:</source>
        <translation>或输入办件编号和身份证号码后6位：</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="43" />
        <source>Case number, e.g. H01-20261122-0001</source>
        <translation>办件编号，如 H01-20261122-0001</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="43" />
        <source>Last 6 of ID</source>
        <translation>身份证后6位</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="66" />
        <source>Enter case number</source>
        <translation>输入办件编号</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="67" />
        <source>Enter ID tail</source>
        <translation>输入身份证后6位</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="68" />
        <source>Look up</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="79" />
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="80" />
        <source>Status</source>
        <translation>办理状态</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="81" />
        <source>Received on</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="84" />
        <source>Due date</source>
        <translation>承诺办结日期</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="88" />
        <source>Working days left</source>
        <translation>剩余工作日</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="89" />
        <source>overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="92" />
        <source>Collect at</source>
        <translation>领取方式</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="95" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="101" />
        <source>Application received</source>
        <translation>已收件</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="106" />
        <source>Case terminated</source>
        <translation>已终止</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="102" />
        <source>Being processed</source>
        <translation>办理中</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="103" />
        <source>Decided</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="104" />
        <source>Result handed out</source>
        <translation>已出件</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/lookup.py" line="105" />
        <source>Not accepted</source>
        <translation>不予受理</translation>
    </message>
</context>
<context>
    <name>PublicPage</name>
    <message>
        <location filename="../../app/public/texts.py" line="11" />
        <source>Ticket {number}</source>
        <translation>{number}号</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="12" />
        <source>Your queue ticket</source>
        <translation>您的排队号</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="13" />
        <location filename="../../app/public/texts.py" line="120" />
        <source>Service: {name}</source>
        <translation>业务：{name}</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="14" />
        <source>People ahead of you: {n}</source>
        <translation>您前面还有 {n} 人</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="15" />
        <source>You are next. Please stay near the windows.</source>
        <translation>您是下一位，请在窗口附近等候。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="16" />
        <source>Estimated wait: about {m} min</source>
        <translation>预计等候约 {m} 分钟</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="17" />
        <source>No window serves this category right now: please wait.</source>
        <translation>暂无窗口办理此类业务，请稍候。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="18" />
        <source>Please go to window {window}</source>
        <translation>请到{window}号窗口</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="19" />
        <source>Your number has been called.</source>
        <translation>已叫到您的号码。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="20" />
        <source>Being served at window {window}</source>
        <translation>正在{window}号窗口办理</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="21" />
        <source>Finished. Thank you for waiting.</source>
        <translation>已办结，感谢您的耐心等候。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="22" />
        <source>Missed: your number was called while you were away. Please ask at the service desk.</source>
        <translation>已过号：叫号时您不在，请到服务台咨询。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="25" />
        <source>This ticket is no longer valid.</source>
        <translation>此号已失效。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="26" />
        <source>This ticket was for {day}.</source>
        <translation>这是 {day} 的号。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="27" />
        <source>No such ticket. Please scan the QR code on your ticket again.</source>
        <translation>没有找到这个号，请重新扫描小票上的二维码。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="28" />
        <source>The queue cannot be reached right now. Please try again soon.</source>
        <translation>暂时无法查询排队情况，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="29" />
        <source>Taken at {time}</source>
        <translation>取号时间 {time}</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="30" />
        <source>Updated {time}</source>
        <translation>更新于 {time}</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="31" />
        <source>This page updates by itself.</source>
        <translation>本页会自动更新，无需刷新。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="32" />
        <source>Connection lost, reconnecting…</source>
        <translation>连接中断，正在重新连接…</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="33" />
        <source>Turn on the call sound</source>
        <translation>开启叫号提示音</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="34" />
        <source>The call sound is on</source>
        <translation>叫号提示音已开启</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="36" />
        <source>Case progress</source>
        <translation>办件进度查询</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="37" />
        <source>Enter the last six characters of the applicant's ID number</source>
        <translation>请输入申请人身份证号码的后6位</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="38" />
        <source>Check</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="39" />
        <source>The last six characters do not match. Please check and try again.</source>
        <translation>身份证号码后6位不符，请核对后重试。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="40" />
        <source>Too many wrong tries. Please try again in {minutes} min.</source>
        <translation>错误次数过多，请 {minutes} 分钟后再试。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="41" />
        <source>No such case. Please scan the QR code on your notice again.</source>
        <translation>没有找到这个办件，请重新扫描通知书上的二维码。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="42" />
        <source>Case number: {number}</source>
        <translation>办件编号：{number}</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="43" />
        <source>Applicant: {name}</source>
        <translation>申请人：{name}</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="44" />
        <source>Service item: {name}</source>
        <translation>事项：{name}</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="45" />
        <source>Department: {name}</source>
        <translation>办理部门：{name}</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="46" />
        <source>Promised by {date}</source>
        <translation>承诺办结日期：{date}</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="47" />
        <source>Steps so far</source>
        <translation>办理进度</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="48" />
        <source>What is still missing</source>
        <translation>尚缺材料</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="49" />
        <source>bring it by {date}</source>
        <translation>请于 {date} 前补交</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="50" />
        <source>Nothing is missing.</source>
        <translation>材料齐全。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="51" />
        <source>Collecting the result</source>
        <translation>领取结果</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="52" />
        <source>At a comprehensive window of the hall, with your ID card (accepted at window {window})</source>
        <translation>凭身份证到大厅综合出件窗口领取（受理窗口：{window}号）</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="55" />
        <source>At a comprehensive window of the hall, with your ID card</source>
        <translation>凭身份证到大厅综合出件窗口领取</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="56" />
        <source>Sent by express</source>
        <translation>快递送达</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="57" />
        <source>Sent by express, tracking number {number}</source>
        <translation>快递送达，快递单号 {number}</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="58" />
        <source>The result is ready: please collect it.</source>
        <translation>已办结，请领取结果。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="59" />
        <source>Handed out on {date}</source>
        <translation>已于 {date} 领取</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="60" />
        <source>The result is not ready yet.</source>
        <translation>尚在办理中，结果还未出来。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="61" />
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="62" />
        <source>Accepted, materials to follow</source>
        <translation>容缺受理（材料待补）</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="63" />
        <source>Materials incomplete (one-time notice)</source>
        <translation>材料不全（一次性告知）</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="64" />
        <source>Not accepted</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="65" />
        <source>Correction needed</source>
        <translation>需要补正</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="66" />
        <source>Special step (clock stopped)</source>
        <translation>特殊环节（暂停计时）</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="67" />
        <source>Decided: approved</source>
        <translation>已办结（准予许可）</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="68" />
        <source>Decided: not approved</source>
        <translation>已办结（不予许可）</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="69" />
        <source>Handed out</source>
        <translation>已出件</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="70" />
        <source>Terminated</source>
        <translation>终止</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="71" />
        <source>missing</source>
        <translation>缺少</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="72" />
        <source>to be corrected</source>
        <translation>需更正</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="73" />
        <source>promised (accepted with it missing)</source>
        <translation>容缺，承诺补交</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="74" />
        <source>replaced by your written commitment (checked later)</source>
        <translation>告知承诺，事后核查</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="76" />
        <source>Rate this service</source>
        <translation>评价本次服务</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="77" />
        <source>How was the service?</source>
        <translation>请对本次服务进行评价</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="78" />
        <source>What went wrong? (when dissatisfied)</source>
        <translation>不满意的原因（选择“不满意”或“非常不满意”时填写）</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="79" />
        <source>Anything else (optional)</source>
        <translation>其他意见（选填）</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="80" />
        <source>Send the rating</source>
        <translation>提交评价</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="81" />
        <source>Thank you for your rating.</source>
        <translation>感谢您的评价！</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="82" />
        <source>This service has already been rated.</source>
        <translation>这次办事已经评价过了。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="83" />
        <source>You can rate the service once it is finished.</source>
        <translation>办理结束后才能评价。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="84" />
        <source>Please choose a level.</source>
        <translation>请选择评价等级。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="85" />
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="86" />
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="87" />
        <source>Basically satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="88" />
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="89" />
        <source>Very dissatisfied</source>
        <translation>非常不满意</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="91" />
        <location filename="../../app/public/texts.py" line="156" />
        <source>Book an appointment</source>
        <translation>预约办事</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="92" />
        <source>Choose the service</source>
        <translation>选择办理业务</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="93" />
        <source>Any service of this kind</source>
        <translation>该类全部业务</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="94" />
        <source>No service can be booked online at the moment.</source>
        <translation>目前没有可网上预约的业务。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="95" />
        <source>Choose a day</source>
        <translation>选择日期</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="96" />
        <source>Choose a time</source>
        <translation>选择时段</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="97" />
        <source>{n} free</source>
        <translation>余{n}个</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="98" />
        <source>Full</source>
        <translation>已约满</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="99" />
        <source>Closed</source>
        <translation>不办公</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="100" />
        <source>This day is fully booked: please choose another day.</source>
        <translation>当天已约满，请选择其他日期。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="101" />
        <source>No time slots on this day.</source>
        <translation>当天没有可预约的时段。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="102" />
        <source>Other days</source>
        <translation>选择其他日期</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="103" />
        <source>Other services</source>
        <translation>选择其他业务</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="104" />
        <source>Your details</source>
        <translation>填写预约人信息</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="105" />
        <source>Real name</source>
        <translation>真实姓名</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="106" />
        <source>ID number (18 characters)</source>
        <translation>身份证号码（18位）</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="107" />
        <source>Mobile number</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="108" />
        <source>I agree that the hall texts this number about this appointment.</source>
        <translation>同意大厅通过短信向此号码发送预约相关信息。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="109" />
        <source>Your ID number and phone are stored protected and shown only masked. They serve this appointment only.</source>
        <translation>身份证号码和手机号码加密保存，仅以部分隐藏形式显示，只用于本次预约。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="110" />
        <source>Send me the SMS code</source>
        <translation>获取短信验证码</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="111" />
        <source>Enter the SMS code</source>
        <translation>输入短信验证码</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="112" />
        <source>A 6-digit code was sent to {phone}. It is valid for {minutes} min.</source>
        <translation>验证码已发送至{phone}，{minutes}分钟内有效。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="113" />
        <source>SMS code</source>
        <translation>短信验证码</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="114" />
        <source>Confirm the appointment</source>
        <translation>确认预约</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="115" />
        <source>{service}, {day} {time}–{end}</source>
        <translation>{service}，{day} {time}–{end}</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="116" />
        <source>Your appointment is booked</source>
        <translation>预约成功</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="117" />
        <source>Appointment code</source>
        <translation>预约码</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="118" />
        <source>On the day, check in at a kiosk of the hall with this code or your ID card, a little before your time.</source>
        <translation>请在预约当天提前到达，在大厅自助机凭预约码或身份证签到取号。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="119" />
        <source>Keep this page: with its link you can cancel or change the appointment.</source>
        <translation>请保存本页链接，可凭此取消或改约。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="121" />
        <source>Day: {day}</source>
        <translation>日期：{day}</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="122" />
        <source>Time: {time}–{end}</source>
        <translation>时间：{time}–{end}</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="123" />
        <source>Booked by: {name}</source>
        <translation>预约人：{name}</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="124" />
        <source>ID number: {id}</source>
        <translation>身份证号码：{id}</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="125" />
        <source>Phone: {phone}</source>
        <translation>手机：{phone}</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="126" />
        <source>Cancel the appointment</source>
        <translation>取消预约</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="127" />
        <source>Cancel this appointment? The time slot goes to someone else.</source>
        <translation>确定取消该预约吗？取消后该时段将开放给他人预约。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="128" />
        <source>No, keep it</source>
        <translation>不取消，保留预约</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="129" />
        <source>Yes, cancel it</source>
        <translation>确定取消</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="130" />
        <source>Change the time</source>
        <translation>改约其他时段</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="131" />
        <source>This appointment is cancelled.</source>
        <translation>该预约已取消。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="132" />
        <source>Book again</source>
        <translation>重新预约</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="133" />
        <source>Checked in: this appointment has its ticket.</source>
        <translation>已签到取号。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="134" />
        <source>Missed: the appointment was not checked in.</source>
        <translation>该预约已过期未签到（爽约）。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="135" />
        <source>Choose the new time for appointment {code}</source>
        <translation>为预约（预约码{code}）选择新的时段</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="136" />
        <source>The appointment has been moved.</source>
        <translation>预约时段已修改。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="137" />
        <source>This time slot was just taken: please choose another one.</source>
        <translation>该时段刚刚约满，请选择其他时段。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="138" />
        <source>This day is now fully booked: please choose another day.</source>
        <translation>当天已约满，请选择其他日期。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="139" />
        <source>Booking for this time has closed: please choose a later one.</source>
        <translation>该时段已停止预约，请选择更晚的时段。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="140" />
        <source>The code is wrong: {left} tries left.</source>
        <translation>验证码不正确，还可以尝试{left}次。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="141" />
        <source>The code has expired: please ask for a new one.</source>
        <translation>验证码已过期，请重新获取。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="142" />
        <source>Too many wrong codes: please start the booking again.</source>
        <translation>验证码错误次数过多，请重新预约。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="143" />
        <source>The ID number is not valid: please check it.</source>
        <translation>身份证号码有误，请核对。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="144" />
        <source>Please enter an 11-digit mobile number.</source>
        <translation>请填写11位手机号码。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="145" />
        <source>Please enter your real name.</source>
        <translation>请填写真实姓名。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="146" />
        <source>Please agree to the SMS about this appointment.</source>
        <translation>请勾选同意接收预约短信。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="147" />
        <source>After {misses} missed appointments, booking is paused until {until}. Please ask at the service desk.</source>
        <translation>因多次预约未到，{until}前暂停网上预约，请到服务台咨询。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="148" />
        <source>You already hold {count} appointments: cancel one to book another.</source>
        <translation>您已有{count}个待办理的预约，请先取消一个再预约。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="149" />
        <source>A code was sent only just now: please try again in {seconds} s.</source>
        <translation>验证码刚刚发送过，请{seconds}秒后再试。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="150" />
        <source>Too many requests: please try again later.</source>
        <translation>操作过于频繁，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="151" />
        <source>This appointment can no longer be cancelled.</source>
        <translation>该预约已无法取消。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="152" />
        <source>This appointment can no longer be changed.</source>
        <translation>该预约已无法改约。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="153" />
        <source>This appointment has been changed as often as allowed.</source>
        <translation>该预约改约次数已达上限。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="154" />
        <source>Not found: please start the booking again.</source>
        <translation>未找到，请重新预约。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="155" />
        <source>Something went wrong: please try again.</source>
        <translation>操作未成功，请重试。</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="160" />
        <source>Long wait</source>
        <translation>等候时间长</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="161" />
        <source>Unfriendly service</source>
        <translation>服务态度差</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="162" />
        <source>The one-time notice was unclear</source>
        <translation>一次性告知不清楚</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="163" />
        <source>Slow handling</source>
        <translation>办理效率低</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="164" />
        <source>Had to come back several times</source>
        <translation>多次跑腿</translation>
    </message>
    <message>
        <location filename="../../app/public/texts.py" line="165" />
        <source>Poor facilities</source>
        <translation>环境设施差</translation>
    </message>
</context>
<context>
    <name>RatingPage</name>
    <message>
        <location filename="../../kiosk/pages/feedback.py" line="23" />
        <source>Rate a service</source>
        <translation>好差评</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/feedback.py" line="27" />
        <location filename="../../kiosk/pages/feedback.py" line="54" />
        <source>How satisfied are you with this service?</source>
        <translation>您对本次服务满意吗？</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/feedback.py" line="28" />
        <location filename="../../kiosk/pages/feedback.py" line="40" />
        <source>Enter the number on your ticket</source>
        <translation>请输入小票上的号码</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/feedback.py" line="44" />
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/feedback.py" line="52" />
        <source>Ticket %1, window %2</source>
        <translation>号码 %1，%2号窗口</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/feedback.py" line="62" />
        <source>What went wrong? (optional, choose any)</source>
        <translation>哪里不满意？（可多选，可不选）</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/feedback.py" line="70" />
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/feedback.py" line="72" />
        <source>Thank you for your rating!</source>
        <translation>感谢您的评价！</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/feedback.py" line="75" />
        <source>The hall will look into it and may call you back.</source>
        <translation>我们会认真整改，并可能回访您。</translation>
    </message>
</context>
<context>
    <name>RefusalChoices</name>
    <message>
        <location filename="../../ui/counter/refusal_choices.py" line="17" />
        <source>Materials incomplete, cannot be completed now</source>
        <translation>材料不齐全且当场无法补正</translation>
    </message>
    <message>
        <location filename="../../ui/counter/refusal_choices.py" line="18" />
        <source>Not within this authority's powers</source>
        <translation>不属于本机关职权范围</translation>
    </message>
    <message>
        <location filename="../../ui/counter/refusal_choices.py" line="19" />
        <source>The item needs no licence</source>
        <translation>依法不需要取得行政许可</translation>
    </message>
    <message>
        <location filename="../../ui/counter/refusal_choices.py" line="20" />
        <source>Facts concealed or materials false</source>
        <translation>隐瞒有关情况或提供虚假材料</translation>
    </message>
    <message>
        <location filename="../../ui/counter/refusal_choices.py" line="21" />
        <source>Administrative Licensing Law, Art. 32</source>
        <translation>行政许可法第三十二条</translation>
    </message>
    <message>
        <location filename="../../ui/counter/refusal_choices.py" line="22" />
        <source>Art. 32 §1 (1): no licence needed</source>
        <translation>第三十二条第一款第（一）项</translation>
    </message>
    <message>
        <location filename="../../ui/counter/refusal_choices.py" line="23" />
        <source>Art. 32 §1 (2): not this authority's</source>
        <translation>第三十二条第一款第（二）项</translation>
    </message>
    <message>
        <location filename="../../ui/counter/refusal_choices.py" line="24" />
        <source>Art. 32 §1 (4): materials incomplete</source>
        <translation>第三十二条第一款第（四）项</translation>
    </message>
    <message>
        <location filename="../../ui/counter/refusal_choices.py" line="25" />
        <source>Art. 78: concealment or false materials</source>
        <translation>第七十八条</translation>
    </message>
    <message>
        <location filename="../../ui/counter/refusal_choices.py" line="56" />
        <source>Refusal: reason (choose or write)</source>
        <translation>不予受理理由（可选择，也可填写）</translation>
    </message>
    <message>
        <location filename="../../ui/counter/refusal_choices.py" line="60" />
        <source>Refusal: legal basis (choose or write)</source>
        <translation>不予受理依据（可选择，也可填写）</translation>
    </message>
</context>
<context>
    <name>Refusals</name>
    <message>
        <location filename="../../ui/refusals.py" line="16" />
        <source>Ticket issued offline</source>
        <translation>离线取号</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="17" />
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="18" />
        <source>Case accepted</source>
        <translation>受理的办件</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="19" />
        <source>Step of a case</source>
        <translation>办件环节</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="20" />
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="21" />
        <source>Audit record</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="22" />
        <source>Complaint or suggestion</source>
        <translation>投诉建议</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="23" />
        <source>Device report</source>
        <translation>设备状态报告</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="30" />
        <source>A value is too long (at most %1 characters)</source>
        <translation>有内容超长（最多 %1 个字符）</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="34" />
        <source>It names something the center does not know</source>
        <translation>其中有中心不认识的内容（如事项、人员）</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="35" />
        <source>The center already has another record with this number</source>
        <translation>中心已有同一编号的另一条记录</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="36" />
        <source>It does not fit this counter's audit records at the center</source>
        <translation>与中心保存的本终端审计记录不符</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="37" />
        <source>The record's state at the center does not allow it</source>
        <translation>该记录在中心的当前状态不允许此操作</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="38" />
        <source>Damaged on this terminal: it was never sent</source>
        <translation>本终端上的记录已损坏，未能上传</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="40" />
        <source>The center could not apply it</source>
        <translation>中心无法接收这条记录</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="45" />
        <source>Record</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="46" />
        <source>Which</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="47" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="48" />
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="49" />
        <source>The center's words</source>
        <translation>中心返回的原因</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="52" />
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
</context>
<context>
    <name>RefusedDialog</name>
    <message>
        <location filename="../../ui/counter/refused.py" line="15" />
        <source>Records the center refused</source>
        <translation>被中心拒收的记录</translation>
    </message>
    <message>
        <location filename="../../ui/counter/refused.py" line="18" />
        <source>These records are kept on this counter but are not at the center. Tell the hall manager: they are resolved in the manager's console, and then leave this list.</source>
        <translation>这些记录保存在本窗口，但未进入中心。请告知大厅负责人在管理台处理；处理后即从此列表中移除。</translation>
    </message>
    <message>
        <location filename="../../ui/counter/refused.py" line="24" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/counter/refused.py" line="39" />
        <source>No refused records: the manager has resolved them all.</source>
        <translation>已无被拒收的记录：负责人已全部处理。</translation>
    </message>
</context>
<context>
    <name>TicketPage</name>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="90" />
        <source>Take a ticket: choose your business</source>
        <translation>取号：请选择业务类别</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="91" />
        <source>Take a ticket: ID card</source>
        <translation>取号：刷身份证</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="92" />
        <source>Take a ticket: SMS reminder</source>
        <translation>取号：短信提醒</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="93" />
        <source>Take a ticket</source>
        <translation>取号</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="97" />
        <source>Please place your ID card on the reader</source>
        <translation>请把身份证放在读卡区</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="99" />
        <location filename="../../kiosk/pages/ticket.py" line="161" />
        <source>SMS reminder when your turn is near (optional)</source>
        <translation>快到号时短信提醒（可选）</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="101" />
        <source>Your number is %1</source>
        <translation>您的号码是 %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="115" />
        <source>Choose the business</source>
        <translation>选择业务</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="115" />
        <source>Take the ticket</source>
        <translation>取号</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="115" />
        <source>Read the ID card</source>
        <translation>刷身份证</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="120" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="123" />
        <source>No business takes tickets now</source>
        <translation>现在没有可取号的业务</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/pages/ticket.py" line="129" />
        <source>%n waiting</source>
        <translation>
            <numerusform>等候 %n 人</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="129" />
        <source>count unavailable</source>
        <translation>人数暂不可查</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="136" />
        <source>Please place your ID card on the reader below</source>
        <translation>请把身份证平放在下方读卡区</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="140" />
        <source>Your ID number is only used to check the hall's one-ticket rule and is printed masked.</source>
        <translation>身份证号码仅用于核对“一人一号”规则，小票上隐去中间位数。</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="147" />
        <location filename="../../ui/demo/play.py" line="58" />
        <source>Continue without ID card</source>
        <translation>不刷身份证，直接取号</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="163" />
        <source>Enter your mobile number: one SMS is sent when only a few people are ahead of you.</source>
        <translation>请输入手机号码，前面等候人数较少时将发送一条提醒短信。</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="166" />
        <source>Mobile number</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="173" />
        <location filename="../../kiosk/tour.py" line="78" />
        <source>I agree</source>
        <translation>本人同意</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="178" />
        <location filename="../../kiosk/tour.py" line="81" />
        <location filename="../../kiosk/tour.py" line="89" />
        <source>No reminder, take the ticket</source>
        <translation>不需要提醒，直接取号</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="179" />
        <location filename="../../kiosk/tour.py" line="79" />
        <source>Remind me by SMS</source>
        <translation>短信提醒我</translation>
    </message>
</context>
<context>
    <name>_IssuePage</name>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="25" />
        <source>You are checked in. Please take your ticket</source>
        <translation>签到成功，请取走您的排队小票</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="27" />
        <source>Please take your ticket</source>
        <translation>取号成功，请取走小票</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="30" />
        <source>Booked slot: %1</source>
        <translation>预约时段：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="31" />
        <source>Booked service: %1</source>
        <translation>预约事项：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="32" />
        <source>Booked by: %1</source>
        <translation>预约人：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="35" />
        <source>Your number</source>
        <translation>您的号码</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/pages/ticket.py" line="42" />
        <source>%n people ahead of you</source>
        <translation>
            <numerusform>您前面还有 %n 人</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="50" />
        <source>No window for this service is open at the moment: numbers are called in order as soon as one opens.</source>
        <translation>本业务暂无窗口办理，窗口开放后依次叫号。</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="57" />
        <source>Estimated wait: %1</source>
        <translation>预计等待：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="61" />
        <source>Issued offline: the screen will call this number as usual.</source>
        <translation>网络中断时取的号，同样会正常叫号。</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="64" />
        <source>Listen for your number and go to the window it names.</source>
        <translation>请留意叫号，听到号码后到指定窗口办理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="71" />
        <source>Getting your number…</source>
        <translation>正在取号，请稍候…</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="73" />
        <source>Printing your ticket…</source>
        <translation>正在打印小票…</translation>
    </message>
</context>
</TS>